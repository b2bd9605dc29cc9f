package org.tollgate.config.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.ConfigError;
import org.tollgate.config.ConfigPrinter;
import org.tollgate.config.ConfigSession;
import org.tollgate.config.LineOutcome;
import org.tollgate.config.ParseResult;

/**
 * One operator's EXEC session, independent of the transport: the prompt, the mode (user or
 * privileged EXEC, or one of the configuration modes), command dispatch with IOS error messages,
 * {@code ?} help, completion, history, paging and debug delivery.
 *
 * <p>Modes: {@code host>} (privilege below 2), {@code host#}, and {@code host(config...)#} while a
 * {@code configure terminal} is open. In configuration mode each line is validated at once by the
 * {@link ConfigSession}; the changes are applied as one new snapshot on {@code end}, Ctrl-Z or
 * {@code exit} from the top configuration mode; {@code do CMD} runs an EXEC command. History keeps
 * the last {@value #HISTORY} lines (IOS default {@code terminal history size 10}).
 *
 * <p>Not thread-safe: a session belongs to its transport's reader thread; only debug delivery
 * (through {@link CliTerminal#write}) comes from other threads.
 */
public final class CliSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CliSession.class);
    /** Lines kept for {@code show history} and arrow-key recall. */
    public static final int HISTORY = 10;

    private final CliEnvironment env;
    private final CommandTree tree;
    private final SessionInfo info;
    private final CliTerminal terminal;
    private final DebugBus.Subscriber debug;
    private final Deque<String> history = new ArrayDeque<>();
    private int privilege;
    private int length = 24;
    private ConfigSession configuring;
    private boolean closed;
    private StringWriter pending;

    /**
     * @param privilege the level after login (15 for a {@code privilege 15} user)
     * @param console   the console always receives debug output ({@code terminal monitor} implied)
     */
    public CliSession(CliEnvironment env, CommandTree tree, SessionInfo info, CliTerminal terminal,
                      int privilege, boolean console) {
        this.env = env;
        this.tree = tree;
        this.info = info;
        this.terminal = terminal;
        this.privilege = privilege;
        this.debug = env.debug().subscribe(line -> terminal.write(line + "\n"), console);
    }

    /** The IOS prompt for the current mode: {@code host>}, {@code host#}, {@code host(config)#}. */
    public String prompt() {
        String host = env.config().get().hostname();
        if (configuring != null) {
            return host + "(" + configuring.mode() + ")#";
        }
        return host + (privilege > 1 ? "#" : ">");
    }

    /** Runs one line; returns false when the session should end ({@code exit}, {@code logout}). */
    public boolean execute(String line) {
        if (!line.isBlank()) {
            history.addLast(line.strip());
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        if (configuring != null) {
            configLine(line);
            return !closed;
        }
        runExec(line, prompt());
        return !closed;
    }

    /** ^Z: leaves configuration mode (applying it) as {@code end} does; nothing in EXEC mode. */
    public void suspend() {
        if (configuring != null) {
            finishConfig();
        }
    }

    /** ^C: leaves configuration mode like {@code end} (IOS's ^C also returns to EXEC); nothing in EXEC mode. */
    public void interrupt() {
        if (configuring != null) {
            finishConfig();
        }
    }

    /** {@code ?} help for the text typed so far (lines end with {@code \n}). */
    public String help(String before) {
        if (configuring != null) {
            String s = before.stripLeading();
            if (s.startsWith("do ") || s.equals("do")) {
                return s.equals("do") ? "  do  To run exec commands in config mode\n"
                        : tree.help(s.substring(3), privilege);
            }
            return ConfigHelpFormat.format(before, configuring.completions(before));
        }
        return tree.help(before, privilege);
    }

    /** Tab completion: the completed line, or empty. */
    public Optional<String> complete(String line) {
        if (configuring != null) {
            return ConfigHelpFormat.complete(line, configuring.completions(line));
        }
        return tree.complete(line, privilege);
    }

    /** Completion candidates for the last word (JLine). */
    public List<String> candidates(String line) {
        if (configuring != null) {
            return ConfigHelpFormat.candidates(line, configuring.completions(line));
        }
        return tree.candidates(line, privilege);
    }

    public List<String> history() {
        return List.copyOf(history);
    }

    public SessionInfo info() {
        return info;
    }

    public int privilege() {
        return privilege;
    }

    public boolean inConfigMode() {
        return configuring != null;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        debug.close();
    }

    // ---- used by the built-in commands ----

    CliEnvironment environment() {
        return env;
    }

    CliTerminal terminal() {
        return terminal;
    }

    DebugBus.Subscriber debug() {
        return debug;
    }

    CommandTree tree() {
        return tree;
    }

    void privilege(int level) {
        privilege = level;
    }

    void length(int lines) {
        length = lines;
    }

    int length() {
        return length;
    }

    void end() {
        closed = true;
    }

    void beginConfig() {
        configuring = ConfigSession.begin(env.config().get());
    }

    void flushPending() {
        if (pending != null) {
            terminal.write(pending.toString());
            pending.getBuffer().setLength(0);
        }
    }

    // ---- internals ----

    private void runExec(String line, String promptShown) {
        switch (tree.match(line, privilege)) {
            case LineMatch.Empty e -> { }
            case LineMatch.Ambiguous a -> terminal.write(a.message() + "\n");
            case LineMatch.Incomplete i -> terminal.write(i.message() + "\n");
            case LineMatch.Invalid inv -> terminal.write(caret(promptShown.length() + inv.column())
                    + LineMatch.Invalid.MESSAGE + "\n");
            case LineMatch.Matched m -> run(m);
        }
    }

    private void run(LineMatch.Matched m) {
        StringWriter buffer = new StringWriter();
        pending = buffer;
        PrintWriter out = new PrintWriter(buffer);
        try {
            m.command().handler().handle(new CommandContext(this, m.args(), out));
        } catch (RuntimeException e) {
            log.warn("command '{}' failed", m.command().syntax(), e);
            out.println("% Command failed: " + e.getClass().getSimpleName());
        } finally {
            out.flush();
            pending = null;
        }
        Pager.page(buffer.toString(), length, terminal);
    }

    private void configLine(String line) {
        String s = line.strip();
        if (s.equals("do") || s.startsWith("do ")) {
            runExec(s.substring(2), prompt() + line.substring(0, line.indexOf("do")) + "do");
            return;
        }
        String shown = prompt();
        LineOutcome outcome = configuring.enter(line);
        switch (outcome) {
            case LineOutcome.Accepted a -> { }
            case LineOutcome.Rejected r -> {
                ConfigError err = r.error();
                terminal.write(caret(shown.length() + Math.max(0, err.column() - 1)) + err.message() + "\n");
            }
            case LineOutcome.Ended e -> finishConfig();
        }
    }

    private void finishConfig() {
        ConfigSession cs = configuring;
        configuring = null;
        switch (cs.finish()) {
            case ParseResult.Ok ok -> {
                if (!ok.config().equals(env.config().get())) {
                    String text = ConfigPrinter.print(ok.config());
                    env.config().apply(ok.config(), info.user(), info.lineName(), text);
                    log.info("configured from {} by {}", info.lineName(), info.user().isEmpty() ? "console" : info.user());
                }
                ok.warnings().forEach(w -> terminal.write("% Warning: " + w.message() + "\n"));
            }
            case ParseResult.Failed failed -> {
                terminal.write("% Configuration not applied:\n");
                failed.errors().forEach(e -> terminal.write(e.format() + "\n"));
            }
        }
    }

    private static String caret(int column) {
        return " ".repeat(Math.max(0, column)) + "^\n";
    }
}
