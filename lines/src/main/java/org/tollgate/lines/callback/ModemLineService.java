package org.tollgate.lines.callback;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.GatewayConfig;
import org.tollgate.lines.chat.ChatParseResult;
import org.tollgate.lines.chat.ChatResult;
import org.tollgate.lines.chat.ChatScriptParser;
import org.tollgate.lines.tty.JSerialCommLine;
import org.tollgate.lines.tty.LineDebug;
import org.tollgate.lines.tty.LineScheduler;
import org.tollgate.lines.tty.SerialLine;

/**
 * The modem lines of the gateway: every {@code line aux 0} / tty line with a {@code device PATH [speed N]}
 * runs an EXEC-callback line ({@link ExecCallbackLine}) on its own thread.
 *
 * <pre>{@code
 * ModemLineService lines = ModemLineService.builder(configHolder::get)
 *         .launcher(new CliExecLauncher(env, tree, lineTable))
 *         .debug(debugBus::emit)
 *         .build();
 * lines.start();
 * ...
 * lines.status();      // show line
 * lines.clear(71);     // clear line 71
 * lines.stop();
 * }</pre>
 *
 * <p>Each line runs on its own daemon platform thread (a line spends its life blocked on the device).
 * The line set is read from the configuration at {@link #start()}; a changed {@code device} takes effect
 * after a restart of the service. Users, chat scripts and {@code service exec-callback} are read per call.
 */
public final class ModemLineService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemLineService.class);

    private final Supplier<GatewayConfig> config;
    private final ExecSessionLauncher launcher;
    private final LineScheduler scheduler;
    private final LineDebug debug;
    private final ModemLineOptions options;
    private final Clock clock;
    private final ExecCallbackLine.SerialOpener opener;
    private final List<ExecCallbackLine> lines = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private List<ModemLineSpec.Problem> problems = List.of();

    private ModemLineService(Builder b) {
        this.config = b.config;
        this.launcher = b.launcher;
        this.scheduler = b.scheduler;
        this.debug = b.debug;
        this.options = b.options;
        this.clock = b.clock;
        this.opener = b.opener;
    }

    /** A builder; {@code config} is read whenever a line needs the current configuration. */
    public static Builder builder(Supplier<GatewayConfig> config) {
        return new Builder(config);
    }

    /** Builder with defaults: system scheduler and clock, no debug output, jSerialComm devices. */
    public static final class Builder {
        private final Supplier<GatewayConfig> config;
        private ExecSessionLauncher launcher;
        private LineScheduler scheduler = LineScheduler.system();
        private LineDebug debug = LineDebug.NONE;
        private ModemLineOptions options = ModemLineOptions.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private ExecCallbackLine.SerialOpener opener = spec -> JSerialCommLine.open(spec.serial());

        private Builder(Supplier<GatewayConfig> config) {
            this.config = config;
        }

        /** Required: what runs once the caller is logged in (the operator CLI in the gateway). */
        public Builder launcher(ExecSessionLauncher l) {
            launcher = l;
            return this;
        }

        public Builder scheduler(LineScheduler s) {
            scheduler = s;
            return this;
        }

        public Builder debug(LineDebug d) {
            debug = d;
            return this;
        }

        public Builder options(ModemLineOptions o) {
            options = o;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        /** Replaces jSerialComm (tests with an in-memory line). */
        public Builder devices(java.util.function.Function<ModemLineSpec, SerialLine> open) {
            opener = spec -> {
                SerialLine l = open.apply(spec);
                if (l == null) {
                    throw new IOException("no device for " + spec.name());
                }
                return l;
            };
            return this;
        }

        public ModemLineService build() {
            if (launcher == null) {
                throw new IllegalStateException("an ExecSessionLauncher is required");
            }
            return new ModemLineService(this);
        }
    }

    /** Opens every configured modem line and starts serving calls. Returns the problems of lines left out. */
    public synchronized List<ModemLineSpec.Problem> start() {
        if (!lines.isEmpty()) {
            throw new IllegalStateException("already started");
        }
        ModemLineSpec.Specs specs = ModemLineSpec.from(config.get());
        problems = specs.problems();
        problems.forEach(p -> LOG.warn("modem line not started: {}", p.format()));
        for (ModemLineSpec spec : specs.lines()) {
            ExecCallbackLine line = new ExecCallbackLine(spec, config, opener, scheduler, debug, launcher, options,
                    clock);
            lines.add(line);
            threads.add(Thread.ofPlatform().daemon().name("modem-line-" + spec.number()).start(line));
        }
        LOG.info("{} modem line(s) started", lines.size());
        return problems;
    }

    /** {@code show line}: every modem line's state, by line number. */
    public synchronized List<ModemLineStatus> status() {
        return lines.stream().map(ExecCallbackLine::status)
                .sorted(Comparator.comparingInt(ModemLineStatus::number)).toList();
    }

    /** One line's state. */
    public synchronized Optional<ModemLineStatus> status(int number) {
        return status().stream().filter(s -> s.number() == number).findFirst();
    }

    /** {@code clear line N}: ends the call on the line; false when N is not a modem line. */
    public synchronized boolean clear(int number) {
        for (ExecCallbackLine l : lines) {
            if (l.spec().number() == number) {
                l.clear();
                return true;
            }
        }
        return false;
    }

    /** What {@link #startChat} did. */
    public sealed interface StartChat {
        /** The script runs; the future completes with its result. */
        record Started(int line, String script, CompletableFuture<ChatResult> result)
                implements StartChat {
        }

        /** No chat-script name matches the regular expression. */
        record NoSuchScript(String regexp) implements StartChat {
        }

        /** Not a modem line (or there is none). */
        record NoSuchLine(int line) implements StartChat {
        }

        /** The line is in a call or its device is not open. */
        record LineBusy(int line) implements StartChat {
        }

        /** The script text does not parse. */
        record BadScript(String message) implements StartChat {
        }
    }

    /**
     * IOS {@code start-chat regexp [line [dialer-string]]}: runs the first {@code chat-script} whose name
     * matches {@code regexp} on an idle modem line ({@code line} -1 = the first modem line), with
     * {@code dialString} as {@code \T}.
     */
    public synchronized StartChat startChat(String regexp, int line, String dialString) {
        Pattern p;
        try {
            p = Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
            return new StartChat.NoSuchScript(regexp);
        }
        var script = config.get().chatScripts().stream().filter(c -> p.matcher(c.name()).matches()).findFirst();
        if (script.isEmpty()) {
            return new StartChat.NoSuchScript(regexp);
        }
        ExecCallbackLine target = lines.stream()
                .filter(l -> line < 0 || l.spec().number() == line).findFirst().orElse(null);
        if (target == null) {
            return new StartChat.NoSuchLine(line);
        }
        var parsed = ChatScriptParser.parse(script.get().name(), script.get().script());
        if (!(parsed instanceof ChatParseResult.Ok ok)) {
            return new StartChat.BadScript(((ChatParseResult.Failed) parsed).format());
        }
        return target.startChat(ok.script(), dialString)
                .<StartChat>map(f -> new StartChat.Started(target.spec().number(), ok.script().name(), f))
                .orElse(new StartChat.LineBusy(target.spec().number()));
    }

    /** Stops all lines and closes their devices. */
    public synchronized void stop() {
        lines.forEach(ExecCallbackLine::stop);
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        lines.clear();
        threads.clear();
    }

    @Override
    public void close() {
        stop();
    }
}
