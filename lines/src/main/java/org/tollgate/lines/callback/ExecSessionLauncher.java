package org.tollgate.lines.callback;

/**
 * Starts the EXEC command session on a modem line once the caller is authenticated (and, for callback,
 * called back). The gateway plugs in the operator CLI ({@link CliExecLauncher}); tests may plug in a
 * scripted session.
 */
@FunctionalInterface
public interface ExecSessionLauncher {

    /** Runs the session; returns when the user exits or the call drops (input reaches end of stream). */
    void run(ModemSession session);
}
