package org.tollgate.lines.console;

import java.io.IOException;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CliSession;
import org.tollgate.config.cli.CliTerminal;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigFacts;
import org.tollgate.config.cli.SessionInfo;
import org.tollgate.lines.exec.LineTable;

/**
 * {@code line con 0}: the operator CLI on the gateway's own terminal, with JLine 3 line editing,
 * history and Tab completion from the command tree; {@code ?} shows help at once as on IOS.
 *
 * <p>The console starts in privileged EXEC when {@code line con 0} has no {@code login local}
 * (the IOS default console has no login); with {@code login local} it asks {@code Username:} and
 * {@code Password:} (masked) first. Debug output always reaches the console. {@code exit} on the
 * console ends the session and starts a new one after Return, as IOS does ({@code con0 is now
 * available}); end of input (^D on an empty line, or a closed stdin) ends the console for good.
 */
public final class ConsoleLine implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleLine.class);

    private final CliEnvironment env;
    private final CommandTree tree;
    private final LineTable lines;

    public ConsoleLine(CliEnvironment env, CommandTree tree, LineTable lines) {
        this.env = env;
        this.tree = tree;
        this.lines = lines;
    }

    /** Starts the console on a platform daemon thread (JLine reads the system terminal). */
    public Thread start() {
        Thread t = Thread.ofPlatform().daemon().name("console").start(this);
        return t;
    }

    @Override
    public void run() {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("tollgate").build()) {
            while (true) {
                if (!session(terminal)) {
                    return;
                }
                terminal.writer().println("\ncon0 is now available\n\nPress RETURN to get started.\n");
                terminal.flush();
                LineReader r = LineReaderBuilder.builder().terminal(terminal).build();
                r.readLine("");
            }
        } catch (EndOfFileException | UserInterruptException e) {
            log.info("console input closed");
        } catch (IOException e) {
            log.warn("console unavailable: {}", e.toString());
        }
    }

    /** One console session; false when input ended. */
    private boolean session(Terminal terminal) {
        Optional<LineTable.Slot> slot = lines.claim(0, "con 0", "");
        if (slot.isEmpty()) {
            return false;
        }
        try (LineTable.Slot s = slot.get()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("tollgate").build();
            String user = "";
            int privilege = 15;
            if (ConfigFacts.consoleLoginLocal(env.config().get())) {
                Optional<ConfigFacts.UserFacts> who = login(reader, terminal);
                if (who.isEmpty()) {
                    return true;
                }
                user = who.get().name();
                privilege = who.get().privilege();
            }
            s.user(user);
            CliTerminal cliTerminal = new CliTerminal() {
                @Override
                public void write(String text) {
                    if (reader.isReading()) {
                        reader.printAbove(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                    } else {
                        terminal.writer().print(text);
                        terminal.flush();
                    }
                }

                @Override
                public Optional<String> readSecret(String prompt) {
                    try {
                        return Optional.of(reader.readLine(prompt, '\0'));
                    } catch (UserInterruptException | EndOfFileException e) {
                        return Optional.empty();
                    }
                }

                @Override
                public int readKey() {
                    try {
                        return terminal.reader().read();
                    } catch (IOException e) {
                        return -1;
                    }
                }

                @Override
                public int width() {
                    return Math.max(20, terminal.getWidth());
                }
            };
            try (CliSession cli = new CliSession(env, tree, new SessionInfo(user, 0, "con 0", ""),
                    cliTerminal, privilege, true)) {
                LineReader cmd = LineReaderBuilder.builder().terminal(terminal).appName("tollgate")
                        .completer((r, line, candidates) -> {
                            String before = line.line().substring(0, line.cursor());
                            for (String c : cli.candidates(before)) {
                                candidates.add(new org.jline.reader.Candidate(c));
                            }
                        })
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                        .build();
                cmd.getWidgets().put("ios-help", () -> {
                    String before = cmd.getBuffer().upToCursor();
                    cmd.printAbove(cli.prompt() + before + "?\n" + cli.help(before).stripTrailing());
                    return true;
                });
                cmd.getKeyMaps().get(LineReader.MAIN).bind(new Reference("ios-help"), "?");
                while (!cli.closed()) {
                    String line;
                    try {
                        line = cmd.readLine(cli.prompt());
                    } catch (UserInterruptException e) {
                        cli.interrupt();
                        continue;
                    }
                    s.touch();
                    if (!cli.execute(line)) {
                        return true;
                    }
                }
            }
            return true;
        } catch (EndOfFileException e) {
            return false;
        }
    }

    private Optional<ConfigFacts.UserFacts> login(LineReader reader, Terminal terminal) {
        terminal.writer().println("\n\nUser Access Verification\n");
        for (int i = 0; i < 3; i++) {
            String name = reader.readLine("Username: ").strip();
            String pw = reader.readLine("Password: ", '\0');
            Optional<ConfigFacts.UserFacts> u = ConfigFacts.user(env.config().get(), name);
            if (u.isPresent() && u.get().secret().matches(pw)) {
                return u;
            }
            log.info("console login failed for user '{}'", name);
            terminal.writer().println("% Login invalid\n");
        }
        return Optional.empty();
    }
}
