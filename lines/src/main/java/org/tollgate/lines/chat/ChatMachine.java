package org.tollgate.lines.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tollgate.lines.chat.ChatStep.SendPart;

/**
 * The chat-script interpreter as a pure transition function: {@link #start} and {@link #on} take a state
 * and an event and return the next state plus the actions a runner must perform ({@link ChatRunner}).
 * Timers are ordinary events, so tests drive it without any clock.
 *
 * <p>Semantics (IOS {@code chat-script}, after chat(8)): keywords apply from where they appear; an empty
 * expect ({@code ""}) matches at once; input is matched byte by byte against the end of the received text,
 * the expect string first, then the ABORT strings; bytes after a match stay for the next expect; each
 * expect (and each sub-pair expect) waits the current TIMEOUT; a send is followed by CR unless {@code \c}.
 *
 * <p>Limit: the match window keeps the last {@value #MAX_EXPECT} received characters.
 */
public final class ChatMachine {

    /** Longest expect or ABORT string, and the size of the match window. */
    public static final int MAX_EXPECT = 256;

    private ChatMachine() {
    }

    /** What happens next in the script. */
    public sealed interface Phase {
        /** Waiting for {@code target}; {@code nextFallback} indexes the expect's sub-pairs still to try. */
        record Expecting(ChatStep.Expect expect, String target, int nextFallback, String window) implements Phase {
        }

        /** Writing a send string that contains a pause; {@code rest} is written after the pause. */
        record Sending(List<SendPart> rest, boolean carriageReturn, Continuation then) implements Phase {
        }

        /** The script ended. */
        record Done(ChatResult result) implements Phase {
        }
    }

    /** Where to go after a send. */
    public sealed interface Continuation {
        /** Continue with the step after the current one. */
        record NextStep() implements Continuation {
        }

        /** Expect the target of sub-pair {@code fallback} of {@code expect}. */
        record ExpectFallback(ChatStep.Expect expect, int fallback) implements Continuation {
        }
    }

    /**
     * The interpreter state.
     *
     * @param nextStep index of the step after the current one
     * @param timer    token of the timer that counts; expiries with another token are stale
     * @param pending  input received and not yet consumed by an expect
     */
    public record State(ChatScript script, String dialString, int nextStep, Duration timeout, List<String> aborts,
                        Phase phase, long timer, String pending) {
        public State {
            Objects.requireNonNull(script);
            Objects.requireNonNull(dialString);
            aborts = List.copyOf(aborts);
            Objects.requireNonNull(phase);
        }

        public boolean finished() {
            return phase instanceof Phase.Done;
        }
    }

    /** Inputs to the machine. */
    public sealed interface Event {
        /** Bytes from the line. */
        record Input(byte[] data) implements Event {
        }

        /** The timer started with {@code token} ran out. */
        record TimerExpired(long token) implements Event {
        }

        /** The pause requested by {@link Action.Pause} is over. */
        record PauseOver() implements Event {
        }
    }

    /** Effects for the runner, performed in order. */
    public sealed interface Action {
        record Write(byte[] data) implements Action {
        }

        record SendBreak() implements Action {
        }

        /** Start (replacing any earlier one) a timer; on expiry deliver {@code TimerExpired(token)}. */
        record StartTimer(Duration after, long token) implements Action {
        }

        /** Wait, then deliver {@link Event.PauseOver}. */
        record Pause(Duration length) implements Action {
        }

        /** A {@code debug chat} line, without the {@code CHATn: } prefix. */
        record Debug(String text) implements Action {
        }

        record Finish(ChatResult result) implements Action {
        }
    }

    /** A transition's output. */
    public record Step(State state, List<Action> actions) {
        public Step {
            actions = List.copyOf(actions);
        }
    }

    /** Starts {@code script} with {@code dialString} as {@code \T}. */
    public static Step start(ChatScript script, String dialString) {
        State s = new State(script, dialString, 0, ChatScript.DEFAULT_TIMEOUT, List.of(),
                new Phase.Sending(List.of(), false, new Continuation.NextStep()), 0, "");
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.Debug("Chat script " + script.name() + " started"));
        return new Step(runSteps(s, actions), actions);
    }

    /** Applies {@code event} to {@code state}. Events after the end are ignored. */
    public static Step on(State state, Event event) {
        List<Action> actions = new ArrayList<>();
        State next = switch (state.phase()) {
            case Phase.Done d -> state;
            case Phase.Expecting e -> onExpecting(state, e, event, actions);
            case Phase.Sending s -> onSending(state, s, event, actions);
        };
        return new Step(next, actions);
    }

    private static State onExpecting(State state, Phase.Expecting e, Event event, List<Action> actions) {
        return switch (event) {
            case Event.Input in -> consume(state, e, latin1(in.data()), actions);
            case Event.TimerExpired t -> t.token() == state.timer() ? expired(state, e, actions) : state;
            case Event.PauseOver p -> state;
        };
    }

    private static State onSending(State state, Phase.Sending s, Event event, List<Action> actions) {
        return switch (event) {
            case Event.Input in -> withPending(state, state.pending() + latin1(in.data()));
            case Event.TimerExpired t -> state;
            case Event.PauseOver p -> writeParts(state, s.rest(), s.carriageReturn(), s.then(), actions);
        };
    }

    private static State expired(State state, Phase.Expecting e, List<Action> actions) {
        actions.add(new Action.Debug("Timeout expecting: " + display(e.target())));
        List<ChatStep.Fallback> fallbacks = e.expect().fallbacks();
        if (e.nextFallback() >= fallbacks.size()) {
            return finish(state, new ChatResult.Timeout(e.target()), actions);
        }
        ChatStep.Fallback f = fallbacks.get(e.nextFallback());
        actions.add(new Action.Debug("Sending string: " + sendDisplay(f.send(), state.dialString())));
        return writeParts(state, f.send().parts(), f.send().carriageReturn(),
                new Continuation.ExpectFallback(e.expect(), e.nextFallback()), actions);
    }

    /** Feeds characters one by one to the current expect. */
    private static State consume(State state, Phase.Expecting e, String chars, List<Action> actions) {
        String window = e.window();
        for (int i = 0; i < chars.length(); i++) {
            window = window + chars.charAt(i);
            if (window.length() > MAX_EXPECT) {
                window = window.substring(window.length() - MAX_EXPECT);
            }
            if (window.endsWith(e.target())) {
                actions.add(new Action.Debug("Completed match for expect: " + display(e.target())));
                State matched = new State(state.script(), state.dialString(), state.nextStep(), state.timeout(),
                        state.aborts(), e, state.timer() + 1, chars.substring(i + 1));
                return runSteps(matched, actions);
            }
            for (String abort : state.aborts()) {
                if (window.endsWith(abort)) {
                    actions.add(new Action.Debug("Matched abort string: " + display(abort)));
                    return finish(state, new ChatResult.Aborted(abort), actions);
                }
            }
        }
        return withPhase(state, new Phase.Expecting(e.expect(), e.target(), e.nextFallback(), window));
    }

    /** Runs steps from {@code state.nextStep()} until one has to wait. */
    private static State runSteps(State state, List<Action> actions) {
        State s = state;
        List<ChatStep> steps = s.script().steps();
        while (s.nextStep() < steps.size()) {
            ChatStep step = steps.get(s.nextStep());
            s = atStep(s, s.nextStep() + 1);
            switch (step) {
                case ChatStep.Abort a -> {
                    List<String> aborts = new ArrayList<>(s.aborts());
                    aborts.add(a.text());
                    s = new State(s.script(), s.dialString(), s.nextStep(), s.timeout(), aborts, s.phase(),
                            s.timer(), s.pending());
                }
                case ChatStep.Timeout t -> s = new State(s.script(), s.dialString(), s.nextStep(), t.length(),
                        s.aborts(), s.phase(), s.timer(), s.pending());
                case ChatStep.Expect e -> {
                    if (e.text().isEmpty() && e.fallbacks().isEmpty()) {
                        continue;
                    }
                    return beginExpect(s, e, e.text(), 0, actions);
                }
                case ChatStep.Send send -> {
                    actions.add(new Action.Debug("Sending string: " + sendDisplay(send, s.dialString())));
                    return writeParts(s, send.parts(), send.carriageReturn(), new Continuation.NextStep(), actions);
                }
            }
        }
        return finish(s, new ChatResult.Success(), actions);
    }

    private static State beginExpect(State s, ChatStep.Expect e, String target, int nextFallback,
                                     List<Action> actions) {
        actions.add(new Action.Debug("Expecting string: " + display(target)));
        long token = s.timer() + 1;
        actions.add(new Action.StartTimer(s.timeout(), token));
        State waiting = new State(s.script(), s.dialString(), s.nextStep(), s.timeout(), s.aborts(),
                new Phase.Expecting(e, target, nextFallback, ""), token, "");
        if (target.isEmpty()) {
            // a sub-pair expecting nothing matches at once
            actions.add(new Action.Debug("Completed match for expect: \"\""));
            return runSteps(withPending(atTimer(waiting, token + 1), s.pending()), actions);
        }
        return consume(waiting, (Phase.Expecting) waiting.phase(), s.pending(), actions);
    }

    /** Writes send parts up to the first pause; when the send is complete, continues with {@code then}. */
    private static State writeParts(State s, List<SendPart> parts, boolean cr, Continuation then,
                                    List<Action> actions) {
        for (int i = 0; i < parts.size(); i++) {
            switch (parts.get(i)) {
                case SendPart.Text t -> actions.add(new Action.Write(t.text().getBytes(StandardCharsets.ISO_8859_1)));
                case SendPart.DialString d ->
                        actions.add(new Action.Write(s.dialString().getBytes(StandardCharsets.ISO_8859_1)));
                case SendPart.Break b -> actions.add(new Action.SendBreak());
                case SendPart.Pause p -> {
                    actions.add(new Action.Pause(p.length()));
                    return withPhase(s, new Phase.Sending(List.copyOf(parts.subList(i + 1, parts.size())), cr, then));
                }
            }
        }
        if (cr) {
            actions.add(new Action.Write(new byte[] {'\r'}));
        }
        return switch (then) {
            case Continuation.NextStep n -> runSteps(withPhase(s, new Phase.Sending(List.of(), false, then)), actions);
            case Continuation.ExpectFallback f -> {
                ChatStep.Fallback fb = f.expect().fallbacks().get(f.fallback());
                yield beginExpect(s, f.expect(), fb.text(), f.fallback() + 1, actions);
            }
        };
    }

    private static State finish(State s, ChatResult result, List<Action> actions) {
        actions.add(new Action.Debug("Chat script " + s.script().name() + " finished, status = " + result.statusText()));
        actions.add(new Action.Finish(result));
        return withPhase(s, new Phase.Done(result));
    }

    private static State withPhase(State s, Phase phase) {
        return new State(s.script(), s.dialString(), s.nextStep(), s.timeout(), s.aborts(), phase, s.timer(),
                s.pending());
    }

    private static State withPending(State s, String pending) {
        return new State(s.script(), s.dialString(), s.nextStep(), s.timeout(), s.aborts(), s.phase(), s.timer(),
                pending);
    }

    private static State atStep(State s, int next) {
        return new State(s.script(), s.dialString(), next, s.timeout(), s.aborts(), s.phase(), s.timer(),
                s.pending());
    }

    private static State atTimer(State s, long timer) {
        return new State(s.script(), s.dialString(), s.nextStep(), s.timeout(), s.aborts(), s.phase(), timer,
                s.pending());
    }

    private static String latin1(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /** How IOS shows a string in {@code debug chat}: control characters as escapes. */
    static String display(String s) {
        if (s.isEmpty()) {
            return "\"\"";
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\0' -> b.append("\\N");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The send string as written, with {@code \T} followed by the number in angle brackets. */
    static String sendDisplay(ChatStep.Send send, String dialString) {
        String src = send.source().isEmpty() ? "\"\"" : send.source();
        return src.replace("\\T", "\\T<" + dialString + ">");
    }
}
