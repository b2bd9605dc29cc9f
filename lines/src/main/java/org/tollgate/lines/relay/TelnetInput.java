package org.tollgate.lines.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The engineer's side of the relay before the join: reads one line (the one-time password) from a stock
 * telnet client without consuming anything after it.
 *
 * <p>RFC 854: option negotiation ({@code IAC WILL/WONT/DO/DONT x}), subnegotiation ({@code IAC SB ... IAC
 * SE}) and other two-byte commands are skipped; {@code IAC IAC} is a data 0xFF. A line ends at CR or LF;
 * the LF or NUL that follows a CR (RFC 854 "CR LF" / "CR NUL") is dropped from the next read, so that it is
 * not relayed to the telnet daemon after the join. Reads byte by byte from the socket stream on purpose:
 * nothing past the line is buffered here.
 */
final class TelnetInput {
    static final int IAC = 255;
    static final int SB = 250;
    static final int SE = 240;
    static final int WILL = 251;
    static final int DONT = 254;

    private final InputStream in;
    private boolean skipLineFeed;

    TelnetInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one line of at most {@code max} characters (longer input is truncated, the rest of the line is
     * discarded); {@code null} on end of stream. Control characters other than backspace/DEL are ignored.
     */
    String readLine(int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (b == '\n' || b == 0) {
                    continue;
                }
            }
            if (b == IAC) {
                int cmd = in.read();
                if (cmd < 0) {
                    return null;
                }
                if (cmd == IAC) {
                    b = 0xFF;
                } else {
                    if (cmd >= WILL && cmd <= DONT) {
                        if (in.read() < 0) {
                            return null;
                        }
                    } else if (cmd == SB) {
                        if (!skipSubnegotiation()) {
                            return null;
                        }
                    }
                    continue;
                }
            }
            if (b == '\r' || b == '\n') {
                skipLineFeed = b == '\r';
                return line.toString(StandardCharsets.UTF_8);
            }
            if (b == 8 || b == 127) {
                byte[] sofar = line.toByteArray();
                line.reset();
                line.write(sofar, 0, Math.max(0, sofar.length - 1));
                continue;
            }
            if (b < 0x20) {
                continue;
            }
            if (line.size() < max) {
                line.write(b);
            }
        }
    }

    private boolean skipSubnegotiation() throws IOException {
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if (prev == IAC && b == SE) {
                return true;
            }
            prev = (prev == IAC && b == IAC) ? -1 : b;
        }
    }

    /** Raw read for the relayed phase; drops the LF/NUL left over from the password line's CR. */
    int read(byte[] buf) throws IOException {
        int n = in.read(buf);
        if (n > 0 && skipLineFeed) {
            skipLineFeed = false;
            if (buf[0] == '\n' || buf[0] == 0) {
                System.arraycopy(buf, 1, buf, 0, n - 1);
                n--;
                if (n == 0) {
                    return read(buf);
                }
            }
        }
        return n;
    }
}
