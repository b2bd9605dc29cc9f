package org.tollgate.lines.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CommandTree;
import org.tollgate.lines.exec.ExecSession;
import org.tollgate.lines.exec.ExecTerminal;
import org.tollgate.lines.exec.LineTable;
import org.tollgate.lines.exec.LoginMode;

/**
 * Runs the project's operator CLI ({@link ExecSession}, prompt {@code hostname>}) on a modem line. The
 * caller is already authenticated by the line ({@link LoginMode.Authenticated}), so the session goes
 * straight to the prompt. The line is claimed in the {@link LineTable} for {@code show users} while the
 * session runs.
 */
public final class CliExecLauncher implements ExecSessionLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(CliExecLauncher.class);

    private final Supplier<CliEnvironment> env;
    private final Supplier<CommandTree> tree;
    private final Supplier<LineTable> table;

    public CliExecLauncher(CliEnvironment env, CommandTree tree, LineTable table) {
        this(() -> env, () -> tree, () -> table);
    }

    /**
     * For wiring where the command tree is built after the line service (the service's
     * {@link ModemLineCommands} are part of the tree): the suppliers are read per session.
     */
    public CliExecLauncher(Supplier<CliEnvironment> env, Supplier<CommandTree> tree, Supplier<LineTable> table) {
        this.env = env;
        this.tree = tree;
        this.table = table;
    }

    @Override
    public void run(ModemSession s) {
        var slot = table.get().claim(s.lineNumber(), s.lineName(), s.location());
        if (slot.isEmpty()) {
            LOG.warn("line {} already claimed; no EXEC session", s.lineNumber());
            return;
        }
        ExecTerminal terminal = new ExecTerminal() {
            @Override
            public InputStream input() {
                return s.input();
            }

            @Override
            public OutputStream output() {
                return s.output();
            }

            @Override
            public String location() {
                return s.location();
            }

            @Override
            public void close() {
                try {
                    s.input().close();
                } catch (IOException e) {
                    LOG.debug("closing line {} input: {}", s.lineNumber(), e.toString());
                }
            }
        };
        new ExecSession(env.get(), tree.get(), terminal, slot.get(), new LoginMode.Authenticated(s.user()), false)
                .run();
    }
}
