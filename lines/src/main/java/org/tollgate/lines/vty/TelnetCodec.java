package org.tollgate.lines.vty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;

/**
 * The server side of the TELNET protocol (RFC 854) on one connection: option negotiation, NAWS,
 * IAC escaping and end-of-line handling, exposed as a plain data {@link #input()} and
 * {@link #output()}.
 *
 * <ul>
 *   <li>On {@link #start()} the server offers {@code WILL ECHO} (RFC 857) and {@code WILL SUPPRESS-GO-AHEAD}
 *       (RFC 858), which puts the stock BSD/inetutils client into character mode, and asks
 *       {@code DO NAWS} (RFC 1073) for the window size.</li>
 *   <li>Requests for other options are refused ({@code DO x} → {@code WONT x}, {@code WILL x} →
 *       {@code DONT x}); a request for a state the option is already in is not answered, so
 *       negotiation can never loop (RFC 854 "Are You Sure" rules, RFC 1143 in spirit).</li>
 *   <li>{@code IAC IAC} is a data byte 255 both ways; {@code IAC IP} becomes ^C; {@code IAC AYT}
 *       is answered with {@code [yes]}; other commands (NOP, GA, DM, AO, EC, EL, BRK) are dropped.</li>
 *   <li>End of line (RFC 854 "NVT"): {@code CR LF} and {@code CR NUL} both reach the reader as one
 *       {@code CR}.</li>
 *   <li>Limit: sub-negotiations longer than {@value #MAX_SB} bytes are truncated.</li>
 * </ul>
 */
public final class TelnetCodec {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int GA = 249;
    static final int AYT = 246;
    static final int IP = 244;
    static final int SE = 240;
    static final int OPT_ECHO = 1;
    static final int OPT_SGA = 3;
    static final int OPT_NAWS = 31;
    static final int MAX_SB = 64;

    private final InputStream rawIn;
    private final OutputStream rawOut;
    /** Options we perform (WILL state). */
    private final BitSet local = new BitSet(256);
    /** Options the peer performs (DO state). */
    private final BitSet remote = new BitSet(256);
    /** Requests we sent and not yet seen answered. */
    private final BitSet pendingLocal = new BitSet(256);
    private final BitSet pendingRemote = new BitSet(256);
    private volatile int width = 80;
    private volatile int height = 24;
    private boolean lastWasCr;

    public TelnetCodec(InputStream rawIn, OutputStream rawOut) {
        this.rawIn = rawIn;
        this.rawOut = rawOut;
    }

    /** Sends the server's opening negotiation: WILL ECHO, WILL SGA, DO NAWS. */
    public void start() throws IOException {
        synchronized (rawOut) {
            pendingLocal.set(OPT_ECHO);
            pendingLocal.set(OPT_SGA);
            pendingRemote.set(OPT_NAWS);
            rawOut.write(new byte[] {
                    (byte) IAC, (byte) WILL, OPT_ECHO,
                    (byte) IAC, (byte) WILL, OPT_SGA,
                    (byte) IAC, (byte) DO, OPT_NAWS});
            rawOut.flush();
        }
    }

    /** Window width reported by NAWS (80 until reported). */
    public int width() {
        return width;
    }

    /** Window height reported by NAWS (24 until reported). */
    public int height() {
        return height;
    }

    /** Whether we currently perform {@code option} (e.g. ECHO after the client said DO ECHO). */
    public boolean localEnabled(int option) {
        synchronized (rawOut) {
            return local.get(option);
        }
    }

    /** The data bytes the peer sent, with every TELNET command removed. */
    public InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return readData();
            }
        };
    }

    /** Writes data to the peer, doubling IAC bytes. */
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                synchronized (rawOut) {
                    int start = off;
                    for (int i = off; i < off + len; i++) {
                        if ((b[i] & 0xff) == IAC) {
                            rawOut.write(b, start, i - start + 1);
                            rawOut.write(IAC);
                            start = i + 1;
                        }
                    }
                    rawOut.write(b, start, off + len - start);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (rawOut) {
                    rawOut.flush();
                }
            }
        };
    }

    private int next() throws IOException {
        return rawIn.read();
    }

    private int readData() throws IOException {
        while (true) {
            int b = next();
            if (b < 0) {
                return -1;
            }
            if (b == IAC) {
                int cmd = next();
                if (cmd < 0) {
                    return -1;
                }
                if (cmd == IAC) {
                    lastWasCr = false;
                    return IAC;
                }
                int data = command(cmd);
                if (data >= 0) {
                    return data;
                }
                continue;
            }
            if (lastWasCr && (b == 0 || b == '\n')) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            return b;
        }
    }

    /** Handles one command after IAC; returns a data byte to deliver, or -1. */
    private int command(int cmd) throws IOException {
        switch (cmd) {
            case DO, DONT, WILL, WONT -> {
                int opt = next();
                if (opt >= 0) {
                    negotiate(cmd, opt);
                }
                return -1;
            }
            case SB -> {
                subnegotiation();
                return -1;
            }
            case IP -> {
                return 3;
            }
            case AYT -> {
                synchronized (rawOut) {
                    rawOut.write("\r\n[yes]\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    rawOut.flush();
                }
                return -1;
            }
            default -> {
                return -1;
            }
        }
    }

    private void negotiate(int cmd, int opt) throws IOException {
        synchronized (rawOut) {
            switch (cmd) {
                case DO -> {
                    boolean supported = opt == OPT_ECHO || opt == OPT_SGA;
                    if (pendingLocal.get(opt)) {
                        pendingLocal.clear(opt);
                        local.set(opt, supported);
                        if (!supported) {
                            send(WONT, opt);
                        }
                    } else if (supported && !local.get(opt)) {
                        local.set(opt);
                        send(WILL, opt);
                    } else if (!supported) {
                        send(WONT, opt);
                    }
                }
                case DONT -> {
                    pendingLocal.clear(opt);
                    if (local.get(opt)) {
                        local.clear(opt);
                        send(WONT, opt);
                    }
                }
                case WILL -> {
                    boolean wanted = opt == OPT_NAWS;
                    if (pendingRemote.get(opt)) {
                        pendingRemote.clear(opt);
                        remote.set(opt, wanted);
                        if (!wanted) {
                            send(DONT, opt);
                        }
                    } else if (wanted && !remote.get(opt)) {
                        remote.set(opt);
                        send(DO, opt);
                    } else if (!wanted) {
                        send(DONT, opt);
                    }
                }
                case WONT -> {
                    pendingRemote.clear(opt);
                    if (remote.get(opt)) {
                        remote.clear(opt);
                        send(DONT, opt);
                    }
                }
                default -> throw new IllegalArgumentException("not a negotiation command: " + cmd);
            }
            rawOut.flush();
        }
    }

    private void send(int cmd, int opt) throws IOException {
        rawOut.write(new byte[] {(byte) IAC, (byte) cmd, (byte) opt});
    }

    /** Reads up to IAC SE; RFC 1073 NAWS: {@code SB NAWS w-hi w-lo h-hi h-lo IAC SE}. */
    private void subnegotiation() throws IOException {
        byte[] buf = new byte[MAX_SB];
        int n = 0;
        while (true) {
            int b = next();
            if (b < 0) {
                return;
            }
            if (b == IAC) {
                int c = next();
                if (c == SE || c < 0) {
                    break;
                }
                b = c;
            }
            if (n < buf.length) {
                buf[n++] = (byte) b;
            }
        }
        if (n >= 5 && (buf[0] & 0xff) == OPT_NAWS) {
            int w = ((buf[1] & 0xff) << 8) | (buf[2] & 0xff);
            int h = ((buf[3] & 0xff) << 8) | (buf[4] & 0xff);
            if (w > 0) {
                width = w;
            }
            if (h > 0) {
                height = h;
            }
        }
    }
}
