package org.tollgate.lines.relay;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * Turns one direction of a relayed telnet stream into readable lines for the audit trail.
 *
 * <p>RFC 854 commands and option negotiation are removed; backspace/DEL erase the previous character (the
 * engineer's typing in character mode); a line ends at CR or LF; empty lines are not reported; other control
 * characters (for example ANSI escape introducers) are dropped. Lines are cut at {@value #MAX_LINE}
 * characters. Not thread-safe: one instance per direction, fed by that direction's pipe.
 */
final class TelnetTranscript {
    /** Longest line reported; longer output is reported in pieces. */
    static final int MAX_LINE = 512;

    private enum Mode { DATA, IAC, OPTION, SB, SB_IAC }

    private final Consumer<String> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private Mode mode = Mode.DATA;
    private volatile String pending = "";

    TelnetTranscript(Consumer<String> sink) {
        this.sink = sink;
    }

    void feed(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            feed(buf[i] & 0xFF);
        }
    }

    private void feed(int b) {
        switch (mode) {
            case DATA -> {
                if (b == TelnetInput.IAC) {
                    mode = Mode.IAC;
                } else {
                    data(b);
                }
            }
            case IAC -> {
                if (b == TelnetInput.IAC) {
                    mode = Mode.DATA;
                    data(b);
                } else if (b >= TelnetInput.WILL && b <= TelnetInput.DONT) {
                    mode = Mode.OPTION;
                } else if (b == TelnetInput.SB) {
                    mode = Mode.SB;
                } else {
                    mode = Mode.DATA;
                }
            }
            case OPTION -> mode = Mode.DATA;
            case SB -> mode = b == TelnetInput.IAC ? Mode.SB_IAC : Mode.SB;
            case SB_IAC -> mode = b == TelnetInput.SE ? Mode.DATA : Mode.SB;
        }
    }

    private void data(int b) {
        if (b == '\r' || b == '\n') {
            flush();
        } else if (b == 8 || b == 127) {
            byte[] sofar = line.toByteArray();
            line.reset();
            line.write(sofar, 0, Math.max(0, sofar.length - 1));
        } else if (b >= 0x20) {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                flush();
            }
        }
        pending = line.toString(StandardCharsets.UTF_8);
    }

    /** The text of the line not yet ended (for example a prompt waiting for input); safe from any thread. */
    String pendingLine() {
        return pending;
    }

    /** Reports what is pending as a line (end of stream). */
    void flush() {
        String s = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        pending = "";
        if (!s.isEmpty()) {
            sink.accept(s);
        }
    }
}
