package org.tollgate.harness.modem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.lines.tty.LineScheduler;

/**
 * A Hayes AT-command modem on a {@link TelephoneNetwork}. Its DTE side is a byte stream: feed the
 * terminal's bytes to {@link #fromDte}; the modem's output goes to the {@link #attach attached} sink.
 *
 * <p>Commands (case-insensitive, spaces ignored, several per line: {@code ATE0S0=1}): {@code AT},
 * {@code Z} (reset), {@code E0/E1} echo, {@code Q0/Q1} quiet, {@code V0/V1} verbose/numeric results,
 * {@code Sn=v}, {@code Sn?}, {@code D}/{@code DT}/{@code DP number}, {@code A} answer, {@code H}/{@code H0}
 * hang up, {@code H1} off hook (incoming calls get BUSY), {@code O} back online, {@code I} identify.
 * Unknown commands: {@code ERROR}. Results: {@code OK CONNECT RING NO CARRIER ERROR NO DIALTONE BUSY}
 * ({@code CONNECT} without speed, as on the seed's HyperTerminal), verbose form {@code CR LF text CR LF}.
 *
 * <p>Registers: S0 rings before auto-answer (default 0 = off), S2 escape character ({@code +}), S3 CR,
 * S7 seconds to wait for carrier when dialling (default 50), S12 escape guard time in 1/50 s (default 50).
 *
 * <p>Escape: guard-time silence, three escape characters each within the guard time, guard-time silence:
 * the modem enters online-command mode and says {@code OK}. The escape characters are held back and only
 * passed to the far end if the sequence fails, so a successful escape is invisible to the remote terminal.
 *
 * <p>Echo in command mode only. Backspace (S5, 8) edits the command line.
 */
public final class EmulatedModem {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedModem.class);
    private static final int MAX_COMMAND = 255;

    /** The modem's state as seen from its front panel. */
    public enum State {
        /** On hook, command mode. */
        IDLE,
        /** Off hook ({@code ATH1}), command mode; callers hear busy. */
        OFF_HOOK,
        /** Dialling out, waiting for answer. */
        DIALING,
        /** An incoming call is ringing. */
        RINGING,
        /** Connected, data passes to the far end. */
        ONLINE,
        /** Connected, but in command mode after the escape sequence. */
        ONLINE_COMMAND
    }

    private final TelephoneNetwork network;
    private final String number;
    private volatile Consumer<byte[]> dte = b -> { };

    private State state = State.IDLE;
    private final int[] s = new int[32];
    private boolean echo;
    private boolean quiet;
    private boolean verbose;
    private boolean pluggedIn = true;
    private final StringBuilder command = new StringBuilder();
    private EmulatedModem peer;
    private EmulatedModem caller;
    private EmulatedModem dialling;
    private int ringsSeen;
    private LineScheduler.Cancellable timer;
    private int plusCount;
    private long rxSequence;
    private Instant lastRx = Instant.EPOCH;
    private final ByteArrayOutputStream heldPlus = new ByteArrayOutputStream();
    private final List<String> log = new ArrayList<>();

    EmulatedModem(TelephoneNetwork network, String number) {
        this.network = network;
        this.number = number;
        reset();
    }

    public String number() {
        return number;
    }

    /** Where the modem's output to its terminal goes (the pty, or a test buffer). */
    public void attach(Consumer<byte[]> sink) {
        this.dte = sink;
    }

    public State state() {
        synchronized (network.lock) {
            return state;
        }
    }

    /** Register {@code n}. */
    public int register(int n) {
        synchronized (network.lock) {
            return s[n];
        }
    }

    /** Simulates pulling the phone cable: dialling gives {@code NO DIALTONE}. */
    public void setPluggedIn(boolean plugged) {
        synchronized (network.lock) {
            pluggedIn = plugged;
        }
    }

    /** The commands this modem executed, in order (upper case, as typed after {@code AT}). */
    public List<String> commandLog() {
        synchronized (network.lock) {
            return List.copyOf(log);
        }
    }

    private void reset() {
        java.util.Arrays.fill(s, 0);
        s[2] = '+';
        s[3] = '\r';
        s[4] = '\n';
        s[5] = 8;
        s[7] = 50;
        s[12] = 50;
        echo = true;
        quiet = false;
        verbose = true;
    }

    /** Bytes typed by the terminal (DTE) into this modem. */
    public void fromDte(byte[] data) {
        synchronized (network.lock) {
            for (byte b : data) {
                byteFromDte(b & 0xff);
            }
        }
    }

    /** The terminal went away (DTR dropped, pty closed): hang up any call. */
    public void dteGone() {
        synchronized (network.lock) {
            if (peer != null || state == State.DIALING || state == State.RINGING) {
                hangUp(false);
            }
        }
    }

    private void byteFromDte(int b) {
        switch (state) {
            case ONLINE -> dataFromDte(b);
            case IDLE, OFF_HOOK, ONLINE_COMMAND, RINGING -> commandChar(b);
            case DIALING -> abortDialOnKey();
        }
    }

    private void abortDialOnKey() {
        // any key aborts dialling, as on real modems
        cancelTimer();
        if (dialling != null && dialling.caller == this) {
            dialling.callerGone();
        }
        endDial();
        result("NO CARRIER", 3);
    }

    private void dataFromDte(int b) {
        Instant now = network.clock().instant();
        Duration guard = Duration.ofMillis(s[12] * 20L);
        boolean silentBefore = Duration.between(lastRx, now).compareTo(guard) >= 0;
        rxSequence++;
        lastRx = now;
        if (b == s[2] && s[2] < 128 && ((plusCount == 0 && silentBefore) || (plusCount > 0 && plusCount < 3 && !silentBefore))) {
            plusCount++;
            heldPlus.write(b);
            if (plusCount == 3) {
                long seqAtThird = rxSequence;
                network.scheduler().schedule(guard, () -> escapeCheck(seqAtThird));
            }
            return;
        }
        flushHeldPlus();
        if (peer != null) {
            peer.toDte(new byte[] {(byte) b});
        }
    }

    private void flushHeldPlus() {
        plusCount = 0;
        if (heldPlus.size() > 0 && peer != null) {
            peer.toDte(heldPlus.toByteArray());
        }
        heldPlus.reset();
    }

    private void escapeCheck(long seqAtThird) {
        synchronized (network.lock) {
            if (state == State.ONLINE && plusCount == 3 && rxSequence == seqAtThird) {
                plusCount = 0;
                heldPlus.reset();
                state = State.ONLINE_COMMAND;
                LOG.debug("modem {}: escape to online-command mode", number);
                result("OK", 0);
            }
        }
    }

    private void commandChar(int b) {
        if (echo) {
            toDte(new byte[] {(byte) b});
        }
        if (b == s[3]) {
            String line = command.toString();
            command.setLength(0);
            executeLine(line);
        } else if (b == s[5] || b == 127) {
            if (!command.isEmpty()) {
                command.setLength(command.length() - 1);
            }
        } else if (b == s[4]) {
            // LF after CR is ignored
        } else if (command.length() < MAX_COMMAND) {
            command.append((char) b);
        }
    }

    private void executeLine(String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        String upper = line.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("AT")) {
            result("ERROR", 4);
            return;
        }
        log.add(upper.substring(2).replace(" ", ""));
        String cmds = upper.substring(2).replace(" ", "");
        int i = 0;
        while (i < cmds.length()) {
            char c = cmds.charAt(i++);
            switch (c) {
                case 'Z' -> {
                    if (peer != null) {
                        hangUp(false);
                    }
                    state = State.IDLE;
                    reset();
                    i = skipDigits(cmds, i);
                }
                case 'E' -> {
                    int[] v = number(cmds, i);
                    echo = v[0] == 1;
                    i = v[1];
                }
                case 'Q' -> {
                    int[] v = number(cmds, i);
                    quiet = v[0] == 1;
                    i = v[1];
                }
                case 'V' -> {
                    int[] v = number(cmds, i);
                    verbose = v[0] == 1;
                    i = v[1];
                }
                case 'X', 'L', 'M', '&' -> {
                    if (c == '&' && i < cmds.length()) {
                        i++;
                    }
                    i = skipDigits(cmds, i);
                }
                case 'I' -> {
                    i = skipDigits(cmds, i);
                    toDte(("\r\ntollgate emulated modem " + number + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                case 'S' -> {
                    int[] reg = number(cmds, i);
                    i = reg[1];
                    if (reg[0] < 0 || reg[0] >= s.length || i >= cmds.length()) {
                        result("ERROR", 4);
                        return;
                    }
                    if (cmds.charAt(i) == '?') {
                        i++;
                        toDte(String.format("\r\n%03d\r\n", s[reg[0]]).getBytes(StandardCharsets.US_ASCII));
                    } else if (cmds.charAt(i) == '=') {
                        int[] v = number(cmds, i + 1);
                        if (v[0] < 0 || v[0] > 255) {
                            result("ERROR", 4);
                            return;
                        }
                        s[reg[0]] = v[0];
                        i = v[1];
                    } else {
                        result("ERROR", 4);
                        return;
                    }
                }
                case 'H' -> {
                    int[] v = number(cmds, i);
                    i = v[1];
                    if (v[0] == 1) {
                        if (peer != null || state == State.RINGING) {
                            hangUp(false);
                        }
                        state = State.OFF_HOOK;
                    } else if (v[0] <= 0) {
                        if (peer != null || state == State.RINGING) {
                            hangUp(false);
                        }
                        state = State.IDLE;
                    } else {
                        result("ERROR", 4);
                        return;
                    }
                }
                case 'A' -> {
                    if (state != State.RINGING) {
                        result("NO CARRIER", 3);
                        return;
                    }
                    answer();
                    return;
                }
                case 'O' -> {
                    i = skipDigits(cmds, i);
                    if (state != State.ONLINE_COMMAND) {
                        result("ERROR", 4);
                        return;
                    }
                    state = State.ONLINE;
                    lastRx = network.clock().instant();
                    result("CONNECT", 1);
                    return;
                }
                case 'D' -> {
                    String dialled = cmds.substring(i).replaceAll("^[TP]", "").replaceAll("[^0-9*#]", "");
                    dial(dialled);
                    return;
                }
                default -> {
                    result("ERROR", 4);
                    return;
                }
            }
        }
        result("OK", 0);
    }

    private static int skipDigits(String s, int i) {
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Parses an optional number at {@code i}: {value (0 when absent), next index}. */
    private static int[] number(String s, int i) {
        int j = skipDigits(s, i);
        int v = j == i ? 0 : Integer.parseInt(s.substring(i, Math.min(j, i + 6)));
        return new int[] {v, j};
    }

    private void dial(String dialled) {
        if (state == State.ONLINE_COMMAND || state == State.RINGING) {
            result("ERROR", 4);
            return;
        }
        if (!pluggedIn) {
            result("NO DIALTONE", 6);
            return;
        }
        if (dialled.isEmpty()) {
            result("ERROR", 4);
            return;
        }
        state = State.DIALING;
        LOG.debug("modem {}: dialling {}", number, dialled);
        Optional<EmulatedModem> target = network.lookup(dialled);
        Duration carrierWait = Duration.ofSeconds(Math.max(1, s[7]));
        if (target.isEmpty()) {
            timer = network.scheduler().schedule(carrierWait, () -> noAnswer(null));
            return;
        }
        EmulatedModem t = target.get();
        if (t == this || t.state != State.IDLE) {
            state = State.IDLE;
            result("BUSY", 7);
            return;
        }
        dialling = t;
        t.incoming(this);
        timer = network.scheduler().schedule(carrierWait, () -> noAnswer(t));
    }

    private void noAnswer(EmulatedModem target) {
        synchronized (network.lock) {
            if (state != State.DIALING) {
                return;
            }
            if (target != null && target.caller == this) {
                target.callerGone();
            }
            endDial();
            result("NO CARRIER", 3);
        }
    }

    private void endDial() {
        state = State.IDLE;
        timer = null;
        dialling = null;
    }

    private void incoming(EmulatedModem from) {
        caller = from;
        state = State.RINGING;
        ringsSeen = 0;
        ring();
    }

    private void ring() {
        if (state != State.RINGING) {
            return;
        }
        ringsSeen++;
        result("RING", 2);
        if (s[0] > 0 && ringsSeen >= s[0]) {
            answer();
            return;
        }
        timer = network.scheduler().schedule(network.ringCadence(), () -> {
            synchronized (network.lock) {
                ring();
            }
        });
    }

    private void callerGone() {
        cancelTimer();
        caller = null;
        state = State.IDLE;
    }

    private void answer() {
        cancelTimer();
        EmulatedModem from = caller;
        caller = null;
        if (from == null || from.state != State.DIALING) {
            state = State.IDLE;
            result("NO CARRIER", 3);
            return;
        }
        from.cancelTimer();
        from.dialling = null;
        peer = from;
        from.peer = this;
        state = State.ONLINE;
        from.state = State.ONLINE;
        lastRx = network.clock().instant();
        from.lastRx = lastRx;
        LOG.info("modem {} connected to {}", from.number, number);
        from.result("CONNECT", 1);
        result("CONNECT", 1);
    }

    /** Ends the call; {@code remote} when the far end hung up. The far end sees NO CARRIER. */
    private void hangUp(boolean remote) {
        cancelTimer();
        plusCount = 0;
        heldPlus.reset();
        if (state == State.RINGING && caller != null) {
            caller = null;
        }
        EmulatedModem other = peer;
        peer = null;
        state = State.IDLE;
        if (other != null && !remote) {
            LOG.info("modem {} hung up the call with {}", number, other.number);
            other.hangUp(true);
            other.result("NO CARRIER", 3);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void result(String text, int code) {
        if (quiet) {
            return;
        }
        String out = verbose ? "\r\n" + text + "\r\n" : code + "\r";
        toDte(out.getBytes(StandardCharsets.US_ASCII));
    }

    private void toDte(byte[] data) {
        dte.accept(data);
    }
}
