package org.tollgate.lines.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.command.Command;

/**
 * An SSH channel command (a shell, an exec command) that reads the channel's input stream, writes
 * its output stream and ends through the exit callback; it never writes to the channel's error
 * stream. MINA SSHD hands the streams and the callback over before {@code start}; subclasses
 * implement {@code start} and {@code destroy} and reach them through {@link #in()}, {@link #out()}
 * and {@link #exit(int)}.
 */
public abstract class StreamCommand implements Command {
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;

    @Override
    public final void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public final void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public final void setErrorStream(OutputStream err) {
        // everything goes to the output stream
    }

    @Override
    public final void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    /** The channel's input (from the client). */
    protected final InputStream in() {
        return in;
    }

    /** The channel's output (to the client). */
    protected final OutputStream out() {
        return out;
    }

    /** Ends the channel with exit status {@code status}. */
    protected final void exit(int status) {
        exit.onExit(status);
    }
}
