package org.tollgate.config.cli;

import java.io.PrintWriter;
import org.tollgate.config.GatewayConfig;

/**
 * What a {@link CommandHandler} works with: the parsed arguments, an output writer (lines end with
 * {@code \n}; the output is paged after the handler returns), the session, the running
 * configuration snapshot, and the terminal for interactive prompts.
 */
public final class CommandContext {
    private final CliSession session;
    private final ParsedArgs args;
    private final PrintWriter out;

    CommandContext(CliSession session, ParsedArgs args, PrintWriter out) {
        this.session = session;
        this.args = args;
        this.out = out;
    }

    public ParsedArgs args() {
        return args;
    }

    public PrintWriter out() {
        return out;
    }

    /** Who runs the command and on which line. */
    public SessionInfo session() {
        return session.info();
    }

    /** The session's current privilege level (1 user EXEC, 15 privileged). */
    public int privilege() {
        return session.privilege();
    }

    /** The running configuration snapshot at the time of the call. */
    public GatewayConfig config() {
        return session.environment().config().get();
    }

    public CliEnvironment environment() {
        return session.environment();
    }

    /** The terminal, for prompts such as {@code Password:}; flush {@link #out()} first. */
    public CliTerminal terminal() {
        out.flush();
        session.flushPending();
        return session.terminal();
    }

    CliSession cli() {
        return session;
    }
}
