package org.tollgate.lines.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The output side of a network virtual terminal: turns {@code \n} into {@code \r\n} (a lone
 * {@code \r} passes unchanged), encodes as UTF-8, flushes after every write. Writes are
 * serialized, so debug lines from other threads never split a line of command output.
 */
public final class TerminalOutput {
    private final OutputStream out;
    private volatile boolean broken;

    public TerminalOutput(OutputStream out) {
        this.out = out;
    }

    /** Writes text; an I/O failure marks the terminal broken (later writes are dropped). */
    public synchronized void write(String text) {
        if (broken) {
            return;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
                sb.append('\r');
            }
            sb.append(c);
        }
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            broken = true;
            throw new UncheckedIOException(e);
        }
    }

    public boolean broken() {
        return broken;
    }
}
