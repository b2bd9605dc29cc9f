package org.tollgate.lines.modem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.lines.tty.LineDebug;
import org.tollgate.lines.tty.LineInput;
import org.tollgate.lines.tty.LineScheduler;
import org.tollgate.lines.tty.SerialLine;

/**
 * Modem control for one line, in the modem's command language: wait for result codes, answer, hang up.
 * Time (result waits, the escape guard time) goes through the injected {@link LineScheduler}.
 *
 * <p>Hang-up: drop DTR where the port has control lines; otherwise the Hayes escape ({@value #ESCAPE}
 * between {@link #GUARD_TIME} of silence each side, then {@code ATH0}), which works on pseudo-terminals.
 *
 * <p>Defaults: answer waits {@link #ANSWER_TIMEOUT} for CONNECT; command results {@link #COMMAND_TIMEOUT}.
 */
public final class ModemLink {

    private static final Logger LOG = LoggerFactory.getLogger(ModemLink.class);

    /** Escape sequence. */
    public static final String ESCAPE = "+++";
    /** Silence before and after the escape (Hayes S12 default 50/50 s). */
    public static final Duration GUARD_TIME = Duration.ofSeconds(1);
    /** What the line waits before the escape: the guard time plus a margin for buffering in the path. */
    public static final Duration GUARD_WAIT = Duration.ofMillis(1300);
    /** Escape attempts before giving up on a hang-up. */
    public static final int ESCAPE_TRIES = 2;
    /** Wait for CONNECT after ATA (Hayes S7 default 50 s). */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(50);
    /** Wait for OK after a command. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

    /** What waiting for a result code gave. */
    public sealed interface Awaited {
        record Got(ResultCode code) implements Awaited {
        }

        record TimedOut() implements Awaited {
        }

        record Closed() implements Awaited {
        }
    }

    private final SerialLine line;
    private final LineInput input;
    private final LineScheduler scheduler;
    private final LineDebug debug;
    private final String tty;
    private volatile boolean connected;

    /**
     * @param tty the IOS name used in {@code debug modem}, e.g. {@code TTY65}
     */
    public ModemLink(SerialLine line, LineInput input, LineScheduler scheduler, LineDebug debug, String tty) {
        this.line = line;
        this.input = input;
        this.scheduler = scheduler;
        this.debug = debug;
        this.tty = tty;
    }

    public SerialLine line() {
        return line;
    }

    public LineInput input() {
        return input;
    }

    /** Whether a call is up, as far as the result codes (or DCD) tell. */
    public boolean connected() {
        int dcd = line.carrierDetect();
        return dcd >= 0 ? dcd == 1 : connected;
    }

    /** Records a CONNECT / NO CARRIER seen outside {@link #await} (e.g. by a chat script). */
    public void markConnected(boolean up) {
        connected = up;
    }

    public void write(String text) throws IOException {
        line.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code AT...} followed by CR. */
    public void command(String at) throws IOException {
        debug.emit(LineDebug.MODEM, tty + ": Modem command: " + at);
        write(at + "\r");
    }

    /**
     * Reads modem output lines until one carries a result code in {@code wanted} (other lines, such as the
     * echo of our own commands, are skipped).
     */
    public Awaited await(Set<ResultCode> wanted, Duration timeout) throws InterruptedException {
        StringBuilder current = new StringBuilder();
        long deadline = scheduler.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - scheduler.nanoTime();
            if (left <= 0) {
                return new Awaited.TimedOut();
            }
            int b = input.read(Duration.ofNanos(left));
            if (b == LineInput.EOF) {
                return new Awaited.Closed();
            }
            if (b == LineInput.TIMEOUT) {
                return new Awaited.TimedOut();
            }
            if (b == '\r' || b == '\n') {
                var code = ResultCode.parse(current.toString());
                current.setLength(0);
                if (code.isPresent()) {
                    ResultCode c = code.get();
                    if (c == ResultCode.CONNECT) {
                        connected = true;
                    } else if (c == ResultCode.NO_CARRIER) {
                        connected = false;
                    }
                    if (wanted.contains(c)) {
                        return new Awaited.Got(c);
                    }
                }
            } else if (current.length() < 256) {
                current.append((char) b);
            }
        }
    }

    /** Sends ATA and waits for CONNECT. */
    public boolean answer() throws IOException, InterruptedException {
        command("ATA");
        Awaited a = await(Set.of(ResultCode.CONNECT, ResultCode.NO_CARRIER, ResultCode.ERROR), ANSWER_TIMEOUT);
        return a instanceof Awaited.Got g && g.code() == ResultCode.CONNECT;
    }

    /**
     * Ends the call and leaves the modem on hook in command mode: DTR drop where available, otherwise
     * escape + {@code ATH0}. Safe to call when no call is up.
     */
    public void hangUp() throws IOException, InterruptedException {
        if (line.setDtr(false)) {
            scheduler.pause(Duration.ofMillis(500));
            line.setDtr(true);
            debug.emit(LineDebug.MODEM, tty + ": Dropped DTR, call hung up");
            connected = false;
            return;
        }
        for (int attempt = 0; connected && attempt < ESCAPE_TRIES; attempt++) {
            scheduler.pause(GUARD_WAIT);
            input.discard();
            debug.emit(LineDebug.MODEM, tty + ": Modem escape to command mode");
            write(ESCAPE);
            Awaited a = await(Set.of(ResultCode.OK, ResultCode.NO_CARRIER), GUARD_WAIT.plus(COMMAND_TIMEOUT));
            if (a instanceof Awaited.Got) {
                break;
            }
            LOG.warn("{}: modem did not answer the escape sequence (attempt {})", tty, attempt + 1);
        }
        command("ATH0");
        await(Set.of(ResultCode.OK, ResultCode.ERROR), COMMAND_TIMEOUT);
        connected = false;
        LOG.debug("{}: modem on hook", tty);
    }
}
