package org.tollgate.lines.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CliSession;
import org.tollgate.config.cli.CliTerminal;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.config.cli.ConfigFacts;
import org.tollgate.config.cli.SessionInfo;

/**
 * One EXEC session on a character terminal, independent of the transport: login, then the
 * {@code host>} / {@code host#} prompt and command loop of {@link CliSession}, with IOS line editing
 * ({@link LineEditor}), {@code ?} help without Enter, Tab completion, history, {@code --More--}
 * paging and debug output.
 *
 * <p>Login ({@link LoginMode}): {@code login local} shows {@code User Access Verification}, asks
 * {@code Username:} and {@code Password:} (not echoed) and answers a failure with
 * {@code % Login invalid}; {@code login} asks the line password ({@code % Bad passwords} after
 * the last failure). After {@value #LOGIN_TRIES} failures the connection is closed. A user with
 * {@code privilege 15} starts in privileged EXEC.
 *
 * <p>Use: {@code new ExecSession(env, tree, terminal, slot, login, false).run()} on the thread that
 * owns the connection; {@link #run()} returns when the user exits or the peer goes away, and closes
 * the terminal.
 */
public final class ExecSession implements Runnable, CliTerminal {
    private static final Logger log = LoggerFactory.getLogger(ExecSession.class);
    /** Login attempts before disconnecting (IOS: 3). */
    public static final int LOGIN_TRIES = 3;

    private final CliEnvironment env;
    private final CommandTree tree;
    private final ExecTerminal terminal;
    private final LineTable.Slot slot;
    private final LoginMode login;
    private final boolean console;
    private final TerminalOutput out;
    private final LineEditor editor;

    /**
     * @param slot    the line this session runs on (released when the session ends)
     * @param console true on {@code con 0}: debug output always shown
     */
    public ExecSession(CliEnvironment env, CommandTree tree, ExecTerminal terminal, LineTable.Slot slot,
                       LoginMode login, boolean console) {
        this.env = env;
        this.tree = tree;
        this.terminal = terminal;
        this.slot = slot;
        this.login = login;
        this.console = console;
        this.out = new TerminalOutput(terminal.output());
        this.editor = new LineEditor(terminal.input(), out);
    }

    @Override
    public void run() {
        try {
            Optional<Authenticated> who = login();
            if (who.isEmpty()) {
                return;
            }
            slot.user(who.get().user());
            log.info("EXEC session on {} ({}) user '{}'", slot.name(), slot.location(), who.get().user());
            try (CliSession cli = new CliSession(env, tree,
                    new SessionInfo(who.get().user(), slot.number(), slot.name(), slot.location()),
                    this, who.get().privilege(), console)) {
                commandLoop(cli);
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("{}: connection lost: {}", slot.name(), e.toString());
        } finally {
            log.info("EXEC session on {} ended", slot.name());
            slot.close();
            terminal.close();
        }
    }

    private void commandLoop(CliSession cli) throws IOException {
        out.write("\n");
        LineEditor.Assist assist = new LineEditor.Assist() {
            @Override
            public String help(String before) {
                return cli.help(before);
            }

            @Override
            public Optional<String> complete(String line) {
                return cli.complete(line);
            }
        };
        while (!cli.closed()) {
            LineEditor.Result r = editor.readLine(cli.prompt(), true, assist, cli.history());
            slot.touch();
            switch (r) {
                case LineEditor.Result.Line line -> {
                    if (!cli.execute(line.text())) {
                        return;
                    }
                }
                case LineEditor.Result.Interrupt i -> cli.interrupt();
                case LineEditor.Result.Suspend s -> cli.suspend();
                case LineEditor.Result.Eof e -> {
                    return;
                }
            }
        }
    }

    private record Authenticated(String user, int privilege) {
    }

    private Optional<Authenticated> login() throws IOException {
        return switch (login) {
            case LoginMode.None n -> Optional.of(new Authenticated("", 1));
            case LoginMode.Authenticated a -> Optional.of(new Authenticated(a.user(), privilegeOf(a.user())));
            case LoginMode.Local l -> localLogin();
            case LoginMode.LinePassword p -> linePassword(p);
        };
    }

    private int privilegeOf(String user) {
        return ConfigFacts.user(env.config().get(), user).map(ConfigFacts.UserFacts::privilege).orElse(1);
    }

    private Optional<Authenticated> localLogin() throws IOException {
        out.write("\n\nUser Access Verification\n\n");
        for (int i = 0; i < LOGIN_TRIES; i++) {
            if (!(editor.readLine("Username: ", true, null, List.of()) instanceof LineEditor.Result.Line name)) {
                return Optional.empty();
            }
            if (!(editor.readLine("Password: ", false, null, List.of()) instanceof LineEditor.Result.Line pw)) {
                return Optional.empty();
            }
            String user = name.text().strip();
            Optional<ConfigFacts.UserFacts> u = ConfigFacts.user(env.config().get(), user);
            if (u.isPresent() && u.get().secret().matches(pw.text())) {
                return Optional.of(new Authenticated(user, u.get().privilege()));
            }
            log.info("login failed on {} ({}) for user '{}'", slot.name(), slot.location(), user);
            out.write("% Login invalid\n\n");
        }
        return Optional.empty();
    }

    private Optional<Authenticated> linePassword(LoginMode.LinePassword p) throws IOException {
        out.write("\n\nUser Access Verification\n\n");
        for (int i = 0; i < LOGIN_TRIES; i++) {
            if (!(editor.readLine("Password: ", false, null, List.of()) instanceof LineEditor.Result.Line pw)) {
                return Optional.empty();
            }
            if (p.password().matches(pw.text())) {
                return Optional.of(new Authenticated("", 1));
            }
            log.info("login failed on {} ({}): bad line password", slot.name(), slot.location());
        }
        out.write("% Bad passwords\n");
        return Optional.empty();
    }

    // ---- CliTerminal ----

    @Override
    public void write(String text) {
        out.write(text);
    }

    @Override
    public Optional<String> readSecret(String prompt) {
        try {
            return editor.readLine(prompt, false, null, List.of()) instanceof LineEditor.Result.Line l
                    ? Optional.of(l.text()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int readKey() {
        try {
            return terminal.input().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int width() {
        return terminal.width();
    }
}
