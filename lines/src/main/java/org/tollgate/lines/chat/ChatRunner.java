package org.tollgate.lines.chat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.tollgate.lines.chat.ChatMachine.Action;
import org.tollgate.lines.chat.ChatMachine.Event;
import org.tollgate.lines.tty.LineScheduler;

/**
 * Runs one chat script over a {@link ChatPort}: feeds the {@link ChatMachine} with line input
 * ({@link #onInput}), timer expiries and pause ends from the injected {@link LineScheduler}, and performs
 * the machine's actions. Thread-safe: events are applied one at a time.
 *
 * <p>{@code debug chat} lines go to {@code debug} prefixed {@code CHATn: } with the line number, as IOS
 * prints them, for example {@code CHAT0: Expecting string: OK}.
 */
public final class ChatRunner {

    private final ChatPort port;
    private final LineScheduler scheduler;
    private final Consumer<String> debug;
    private final String prefix;
    private final CompletableFuture<ChatResult> result = new CompletableFuture<>();
    private ChatMachine.State state;
    private LineScheduler.Cancellable timer;

    /**
     * @param lineNumber the IOS line number, shown in {@code debug chat}
     * @param debug      receives {@code debug chat} lines (called with the runner's lock held)
     */
    public ChatRunner(ChatPort port, LineScheduler scheduler, int lineNumber, Consumer<String> debug) {
        this.port = port;
        this.scheduler = scheduler;
        this.debug = debug;
        this.prefix = "CHAT" + lineNumber + ": ";
    }

    /** Starts the script; the future completes with the result (never exceptionally). */
    public synchronized CompletableFuture<ChatResult> start(ChatScript script, String dialString) {
        if (state != null) {
            throw new IllegalStateException("a ChatRunner runs one script");
        }
        ChatMachine.Step step = ChatMachine.start(script, dialString);
        state = step.state();
        perform(step.actions());
        return result;
    }

    /** Line input; ignored before {@link #start} and after the end. */
    public synchronized void onInput(byte[] data) {
        deliver(new Event.Input(data.clone()));
    }

    /** Stops the script with {@link ChatResult.Cancelled} (for {@code clear line} and shutdown). */
    public synchronized void cancel() {
        if (state != null && !state.finished()) {
            cancelTimer();
            state = new ChatMachine.State(state.script(), state.dialString(), state.nextStep(), state.timeout(),
                    state.aborts(), new ChatMachine.Phase.Done(new ChatResult.Cancelled()), state.timer(), "");
            result.complete(new ChatResult.Cancelled());
        }
    }

    public CompletableFuture<ChatResult> result() {
        return result;
    }

    private synchronized void deliver(Event event) {
        if (state == null || state.finished()) {
            return;
        }
        ChatMachine.Step step = ChatMachine.on(state, event);
        state = step.state();
        perform(step.actions());
    }

    private void perform(List<Action> actions) {
        for (Action action : actions) {
            if (result.isDone()) {
                return;
            }
            switch (action) {
                case Action.Write w -> io(() -> port.write(w.data()));
                case Action.SendBreak b -> io(port::sendBreak);
                case Action.StartTimer t -> {
                    cancelTimer();
                    long token = t.token();
                    timer = scheduler.schedule(t.after(), () -> deliver(new Event.TimerExpired(token)));
                }
                case Action.Pause p -> scheduler.schedule(p.length(), () -> deliver(new Event.PauseOver()));
                case Action.Debug d -> debug.accept(prefix + d.text());
                case Action.Finish f -> {
                    cancelTimer();
                    result.complete(f.result());
                }
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            cancelTimer();
            ChatResult failure = new ChatResult.IoFailure(String.valueOf(e.getMessage()));
            debug.accept(prefix + "Chat script " + state.script().name() + " finished, status = "
                    + failure.statusText());
            state = new ChatMachine.State(state.script(), state.dialString(), state.nextStep(), state.timeout(),
                    state.aborts(), new ChatMachine.Phase.Done(failure), state.timer(), "");
            result.complete(failure);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
