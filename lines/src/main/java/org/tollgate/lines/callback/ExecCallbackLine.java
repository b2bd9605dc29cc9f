package org.tollgate.lines.callback;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.user.User;
import org.tollgate.lines.callback.ModemLineStatus.LineState;
import org.tollgate.lines.chat.ChatPort;
import org.tollgate.lines.chat.ChatResult;
import org.tollgate.lines.chat.ChatRunner;
import org.tollgate.lines.chat.ChatScript;
import org.tollgate.lines.modem.CallInput;
import org.tollgate.lines.modem.ModemLink;
import org.tollgate.lines.modem.ResultCode;
import org.tollgate.lines.tty.LineDebug;
import org.tollgate.lines.tty.LineInput;
import org.tollgate.lines.tty.LineScheduler;
import org.tollgate.lines.tty.SerialLine;

/**
 * One modem line running IOS EXEC callback ({@code service exec-callback}), as straight-line code on its own
 * thread:
 * <ol>
 * <li>wait for {@code RING} and answer with {@code ATA} (or take the modem's own CONNECT when it auto-answers);
 * <li>login ({@link LoginDialogue});
 * <li>a user with {@code callback-dialstring N} (or {@code ""}: asked {@code Callback Dialstring: }) gets
 *     {@code Callback initiated - line is disconnected}; the line hangs up, runs {@code script modem-off-hook},
 *     waits {@code callback forced-wait}, runs {@code script callback} with {@code \T} = N, and on CONNECT
 *     starts EXEC, after a second login unless {@code nocallback-verify};
 * <li>any other user gets an EXEC session straight away;
 * <li>the call is hung up and the line waits for the next RING. A failed callback (BUSY, ERROR, timeout) is
 *     logged and counted and leaves the line idle.
 * </ol>
 * After a callback the accounting disconnect cause is Session-End-Callback (Cisco-Disconnect-Cause
 * {@value #SESSION_END_CALLBACK}); it is recorded in the log until the accounting module takes line events.
 */
final class ExecCallbackLine implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecCallbackLine.class);

    /** Cisco-Disconnect-Cause 102, Session-End-Callback (RADIUS/TACACS+ accounting after a callback). */
    static final int SESSION_END_CALLBACK = 102;
    /** Longest callback dial string accepted at the {@code Callback Dialstring:} prompt. */
    static final int MAX_DIALSTRING = 32;
    private static final Duration FOREVER = Duration.ofDays(365);

    /** Opens the line's device (production: jSerialComm). */
    @FunctionalInterface
    interface SerialOpener {
        SerialLine open(ModemLineSpec spec) throws IOException;
    }

    private final ModemLineSpec spec;
    private final Supplier<GatewayConfig> config;
    private final SerialOpener opener;
    private final LineScheduler scheduler;
    private final LineDebug debug;
    private final ExecSessionLauncher launcher;
    private final ModemLineOptions options;
    private final Clock clock;

    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile SerialLine serial;
    private volatile LineInput input;
    private volatile ChatRunner chat;
    private volatile CallInput call;
    private volatile LineState state = LineState.DOWN;
    private volatile Instant since;
    private volatile Optional<String> user = Optional.empty();
    private volatile String location = "";
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();
    private final AtomicLong failedCallbacks = new AtomicLong();
    private final AtomicLong loginFailures = new AtomicLong();

    ExecCallbackLine(ModemLineSpec spec, Supplier<GatewayConfig> config, SerialOpener opener, LineScheduler scheduler,
                     LineDebug debug, ExecSessionLauncher launcher, ModemLineOptions options, Clock clock) {
        this.spec = spec;
        this.config = config;
        this.opener = opener;
        this.scheduler = scheduler;
        this.debug = debug;
        this.launcher = launcher;
        this.options = options;
        this.clock = clock;
        this.since = clock.instant();
    }

    ModemLineSpec spec() {
        return spec;
    }

    ModemLineStatus status() {
        return new ModemLineStatus(spec.number(), spec.name(), spec.serial().device(), spec.serial().speed(), state,
                user, location, since, calls.get(), callbacks.get(), failedCallbacks.get(), loginFailures.get());
    }

    /** {@code clear line N}: ends the current call (or callback) and returns the line to idle. */
    void clear() {
        LineState now = state;
        if (now == LineState.IDLE || now == LineState.DOWN) {
            return;
        }
        LOG.info("line {} ({}) cleared in state {}", spec.number(), spec.name(), now);
        ChatRunner c = chat;
        if (c != null) {
            c.cancel();
        }
        CallInput in = call;
        if (in != null) {
            in.end();
        }
        Thread t = thread;
        if (t != null && (now == LineState.CALLBACK || now == LineState.ANSWERING)) {
            t.interrupt();
        }
    }

    /**
     * {@code start-chat}: runs {@code script} on the line while it is idle (the line's own reader waits
     * meanwhile). Empty when the line is busy or its device is not open.
     */
    synchronized Optional<CompletableFuture<ChatResult>> startChat(ChatScript script, String dialString) {
        LineInput in = input;
        SerialLine s = serial;
        if (state != LineState.IDLE || in == null || s == null) {
            return Optional.empty();
        }
        enter(LineState.SCRIPT);
        ChatRunner runner = new ChatRunner(new ChatPort() {
            @Override
            public void write(byte[] data) throws IOException {
                s.write(data);
            }

            @Override
            public void sendBreak() throws IOException {
                s.sendBreak();
            }
        }, scheduler, spec.number(), line -> debug.emit(LineDebug.CHAT, line));
        chat = runner;
        in.divert(runner::onInput);
        LOG.info("line {} ({}): start-chat {}", spec.number(), spec.name(), script.name());
        return Optional.of(runner.start(script, dialString).whenComplete((r, e) -> {
            in.undivert();
            chat = null;
            if (state == LineState.SCRIPT) {
                enter(LineState.IDLE);
            }
        }));
    }

    /** Stops the line for good and closes the device. */
    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        LineInput in = input;
        if (in != null) {
            in.close();
        }
        SerialLine s = serial;
        if (s != null) {
            s.close();
        }
    }

    private void enter(LineState next) {
        state = next;
        since = clock.instant();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        while (running) {
            try {
                serial = opener.open(spec);
            } catch (IOException e) {
                LOG.warn("line {} ({}): cannot open {}: {}", spec.number(), spec.name(), spec.serial().device(),
                        e.getMessage());
                if (!sleep(options.reopenDelay())) {
                    return;
                }
                continue;
            }
            LineInput in = new LineInput(scheduler);
            input = in;
            in.startReading(serial);
            ModemLink modem = new ModemLink(serial, in, scheduler, debug, spec.ttyTag());
            LOG.info("line {} ({}) ready on {}", spec.number(), spec.name(), spec.serial().device());
            serveCalls(modem);
            in.close();
            serial.close();
            enter(LineState.DOWN);
            if (running && !sleep(options.reopenDelay())) {
                return;
            }
        }
    }

    private boolean sleep(Duration d) {
        try {
            scheduler.pause(d);
            return running;
        } catch (InterruptedException e) {
            return running;
        }
    }

    /** Serves calls until the device fails or the line is stopped. */
    private void serveCalls(ModemLink modem) {
        while (running) {
            enter(LineState.IDLE);
            call = null;
            user = Optional.empty();
            location = "";
            try {
                ModemLink.Awaited a = modem.await(Set.of(ResultCode.RING, ResultCode.CONNECT), FOREVER);
                if (a instanceof ModemLink.Awaited.Closed) {
                    return;
                }
                if (!(a instanceof ModemLink.Awaited.Got got)) {
                    continue;
                }
                calls.incrementAndGet();
                if (got.code() == ResultCode.RING) {
                    enter(LineState.ANSWERING);
                    debug.emit(LineDebug.MODEM, spec.ttyTag() + ": RING, answering the call");
                    if (!modem.answer()) {
                        debug.emit(LineDebug.MODEM, spec.ttyTag() + ": answer failed, no CONNECT");
                        hangUpQuietly(modem);
                        continue;
                    }
                }
                debug.emit(LineDebug.MODEM, spec.ttyTag() + ": CONNECT, starting EXEC login");
                LOG.info("line {} ({}): incoming call connected", spec.number(), spec.name());
                location = "async";
                try {
                    handleCall(modem);
                } finally {
                    CallInput last = call;
                    if (last != null && last.carrierLost()) {
                        modem.markConnected(false);
                    }
                }
            } catch (InterruptedException e) {
                Thread.interrupted();
                if (!running) {
                    return;
                }
                debug.emit(LineDebug.MODEM, spec.ttyTag() + ": Line reset by clear line");
            } catch (IOException e) {
                LOG.warn("line {} ({}): device failure: {}", spec.number(), spec.name(), e.getMessage());
                return;
            }
            hangUpQuietly(modem);
        }
    }

    private void hangUpQuietly(ModemLink modem) {
        if (!running) {
            return;
        }
        enter(LineState.HANGUP);
        boolean cleared = Thread.interrupted();
        if (cleared) {
            LOG.debug("line {}: hanging up after clear line", spec.number());
        }
        try {
            modem.hangUp();
        } catch (IOException e) {
            LOG.warn("line {} ({}): hang-up failed: {}", spec.number(), spec.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.interrupted();
        }
        modem.input().discard();
    }

    private Optional<User> lookup(String name) {
        return config.get().users().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    private void handleCall(ModemLink modem) throws IOException, InterruptedException {
        enter(LineState.LOGIN);
        CallInput in = new CallInput(modem.input());
        call = in;
        LoginDialogue login = new LoginDialogue(modem, in, options);
        LoginDialogue.Outcome outcome = login.run(true, this::lookup, loginFailures::incrementAndGet);
        if (!(outcome instanceof LoginDialogue.Outcome.LoggedIn loggedIn)) {
            LOG.info("line {} ({}): login ended: {}", spec.number(), spec.name(), outcome);
            return;
        }
        User u = loggedIn.user();
        user = Optional.of(u.name());
        boolean wantsCallback = config.get().services().execCallback()
                && u.callbackDialstring().isPresent();
        if (!wantsCallback) {
            session(modem, in, u, "async");
            return;
        }
        String number = u.callbackDialstring().get();
        if (number.isEmpty()) {
            modem.write("Callback Dialstring: ");
            LoginDialogue.Answer a = login.readLine(true);
            if (!(a instanceof LoginDialogue.Answer.Text t) || !validDialstring(t.text().strip())) {
                if (a instanceof LoginDialogue.Answer.Text) {
                    modem.write("% Invalid callback dialstring\r\n");
                }
                return;
            }
            number = t.text().strip();
        }
        callback(modem, in, u, number);
    }

    static boolean validDialstring(String s) {
        return !s.isEmpty() && s.length() <= MAX_DIALSTRING && s.chars().allMatch(c ->
                Character.isDigit(c) || c == '*' || c == '#' || c == ',' || c == 'W' || c == 'w');
    }

    private void callback(ModemLink modem, CallInput in, User u, String number)
            throws IOException, InterruptedException {
        modem.write("Callback initiated - line is disconnected\r\n");
        debug.emit(LineDebug.CALLBACK, spec.ttyTag() + " Callback process initiated, user: " + u.name()
                + " dialstring " + number);
        LOG.info("line {} ({}): callback to {} for user '{}' initiated", spec.number(), spec.name(), number,
                u.name());
        in.end();
        enter(LineState.CALLBACK);
        location = number;
        modem.hangUp();
        if (spec.offHookScript().isPresent()) {
            ChatResult off = runChat(modem, spec.offHookScript().get(), number);
            debug.emit(LineDebug.CALLBACK, spec.ttyTag() + " Modem off-hook script " + spec.offHookScript().get().name()
                    + ": " + off.statusText());
        }
        debug.emit(LineDebug.CALLBACK, spec.ttyTag() + " Callback forced wait = " + spec.forcedWait().toSeconds()
                + " seconds");
        scheduler.pause(spec.forcedWait());
        if (spec.callbackScript().isEmpty()) {
            callbackFailed(number, u, "no script callback on the line");
            return;
        }
        debug.emit(LineDebug.CALLBACK, spec.ttyTag() + " Callback in progress");
        ChatResult r = runChat(modem, spec.callbackScript().get(), number);
        if (r instanceof ChatResult.Cancelled) {
            LOG.info("line {} ({}): callback to {} cancelled", spec.number(), spec.name(), number);
            return;
        }
        if (!(r instanceof ChatResult.Success)) {
            callbackFailed(number, u, r.statusText());
            return;
        }
        modem.markConnected(true);
        swallowConnectLineEnd(modem);
        callbacks.incrementAndGet();
        debug.emit(LineDebug.CALLBACK, spec.ttyTag() + " Callback successful, " + (u.noCallbackVerify()
                ? "starting EXEC" : "verifying user"));
        LOG.info("line {} ({}): callback to {} connected; previous call accounted with "
                + "Session-End-Callback (cause {})", spec.number(), spec.name(), number, SESSION_END_CALLBACK);
        CallInput back = new CallInput(modem.input());
        call = back;
        enter(LineState.LOGIN);
        if (u.noCallbackVerify()) {
            session(modem, back, u, number);
            return;
        }
        LoginDialogue verify = new LoginDialogue(modem, back, options);
        LoginDialogue.Outcome again = verify.run(false, this::lookup, loginFailures::incrementAndGet);
        if (again instanceof LoginDialogue.Outcome.LoggedIn verified) {
            user = Optional.of(verified.user().name());
            session(modem, back, verified.user(), number);
        }
    }

    private void callbackFailed(String number, User u, String why) {
        failedCallbacks.incrementAndGet();
        debug.emit(LineDebug.CALLBACK, spec.ttyTag() + " Callback failed: " + why);
        LOG.warn("line {} ({}): callback to {} for user '{}' failed: {}", spec.number(), spec.name(), number,
                u.name(), why);
    }

    /** The chat script matched CONNECT; the rest of that result line must not reach the session. */
    private void swallowConnectLineEnd(ModemLink modem) throws InterruptedException {
        while (true) {
            int b = modem.input().read(Duration.ofMillis(200));
            if (b < 0) {
                return;
            }
            if (b != '\r' && b != '\n' && !(b >= '0' && b <= '9') && b != ' ') {
                modem.input().unread(b);
                return;
            }
        }
    }

    private ChatResult runChat(ModemLink modem, ChatScript script, String dialString) throws InterruptedException {
        ChatRunner runner = new ChatRunner(new ChatPort() {
            @Override
            public void write(byte[] data) throws IOException {
                modem.line().write(data);
            }

            @Override
            public void sendBreak() throws IOException {
                modem.line().sendBreak();
            }
        }, scheduler, spec.number(), line -> debug.emit(LineDebug.CHAT, line));
        chat = runner;
        modem.input().divert(runner::onInput);
        try {
            return runner.start(script, dialString).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("chat runner never fails its future", e);
        } catch (InterruptedException e) {
            runner.cancel();
            throw e;
        } finally {
            modem.input().undivert();
            chat = null;
        }
    }

    private void session(ModemLink modem, CallInput in, User u, String where) {
        enter(LineState.EXEC);
        user = Optional.of(u.name());
        location = where;
        LOG.info("line {} ({}): EXEC session for '{}'", spec.number(), spec.name(), u.name());
        debug.emit(LineDebug.MODEM, spec.ttyTag() + ": EXEC creation, user " + u.name());
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                modem.line().write(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                byte[] chunk = new byte[len];
                System.arraycopy(b, off, chunk, 0, len);
                modem.line().write(chunk);
            }
        };
        try {
            launcher.run(new ModemSession(spec.number(), spec.name(), u.name(), where,
                    in.asStream(spec.execTimeout()), out));
        } catch (RuntimeException e) {
            // a failing session must not take the line down with it
            LOG.warn("line {} ({}): EXEC session ended with {}", spec.number(), spec.name(), e.toString());
        } finally {
            in.end();
            if (in.idleTimedOut()) {
                LOG.info("line {} ({}): exec-timeout ({} s idle) for '{}'", spec.number(), spec.name(),
                        spec.execTimeout().toSeconds(), u.name());
                debug.emit(LineDebug.MODEM, spec.ttyTag() + ": exec-timeout expired, line reset");
            }
            if (in.carrierLost()) {
                modem.markConnected(false);
                debug.emit(LineDebug.MODEM, spec.ttyTag() + ": NO CARRIER, EXEC ended");
            }
        }
    }
}
