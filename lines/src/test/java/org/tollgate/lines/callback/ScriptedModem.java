package org.tollgate.lines.callback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tollgate.lines.tty.SerialLine;

/**
 * An in-memory modem for line-service unit tests: answers the AT commands the line sends (ATA, ATH0,
 * ATH1, AT, ATDT with a chosen outcome, the +++ escape), passes data-mode output to a "caller screen",
 * and lets the test ring, type as the caller and drop the carrier. No guard time: time is the test's.
 */
final class ScriptedModem implements SerialLine {

    enum DialOutcome { CONNECT, BUSY, SILENCE }

    private final LinkedBlockingQueue<byte[]> toLine = new LinkedBlockingQueue<>();
    private final StringBuilder command = new StringBuilder();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final List<String> commands = new ArrayList<>();
    private final List<Long> commandTimes = new ArrayList<>();
    private final LongSupplier clock;
    private boolean dataMode;
    private volatile DialOutcome dialOutcome = DialOutcome.CONNECT;
    private volatile boolean closed;

    /** A modem without a clock: {@link #timeOf} reports 0 for every command. */
    ScriptedModem() {
        this(() -> 0L);
    }

    /** A modem that notes the time ({@code clock}, e.g. the fake line scheduler's nanoTime) of each command. */
    ScriptedModem(LongSupplier clock) {
        this.clock = clock;
    }

    /** The clock's time when the first command starting with {@code prefix} reached the modem. */
    synchronized long timeOf(String prefix) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).startsWith(prefix)) {
                return commandTimes.get(i);
            }
        }
        throw new AssertionError("no command " + prefix + " in " + commands);
    }

    /** The clock's time of the first command starting with {@code prefix} after the first one starting with {@code after}. */
    synchronized long timeOfAfter(String prefix, String after) {
        boolean seen = false;
        for (int i = 0; i < commands.size(); i++) {
            if (seen && commands.get(i).startsWith(prefix)) {
                return commandTimes.get(i);
            }
            seen |= commands.get(i).startsWith(after);
        }
        throw new AssertionError("no command " + prefix + " after " + after + " in " + commands);
    }

    void dialOutcome(DialOutcome o) {
        dialOutcome = o;
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    synchronized String screen() {
        return screen.toString(StandardCharsets.ISO_8859_1);
    }

    synchronized boolean dataMode() {
        return dataMode;
    }

    private void emit(String s) {
        toLine.add(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    void ring() {
        emit("\r\nRING\r\n");
    }

    void callerTypes(String s) {
        emit(s);
    }

    synchronized void dropCarrier() {
        dataMode = false;
        emit("\r\nNO CARRIER\r\n");
    }

    @Override
    public String device() {
        return "/dev/scripted";
    }

    @Override
    public synchronized void write(byte[] data) {
        String s = new String(data, StandardCharsets.ISO_8859_1);
        if (dataMode) {
            if (s.equals("+++")) {
                dataMode = false;
                emit("\r\nOK\r\n");
            } else {
                screen.writeBytes(data);
            }
            return;
        }
        for (char c : s.toCharArray()) {
            if (c != '\r') {
                command.append(c);
                continue;
            }
            String cmd = command.toString().toUpperCase(java.util.Locale.ROOT);
            command.setLength(0);
            commands.add(cmd);
            commandTimes.add(clock.getAsLong());
            if (cmd.equals("ATA")) {
                dataMode = true;
                emit("\r\nCONNECT\r\n");
            } else if (cmd.startsWith("ATDT")) {
                switch (dialOutcome) {
                    case CONNECT -> {
                        dataMode = true;
                        emit("\r\nCONNECT\r\n");
                    }
                    case BUSY -> emit("\r\nBUSY\r\n");
                    case SILENCE -> {
                    }
                }
            } else {
                emit("\r\nOK\r\n");
            }
        }
    }

    @Override
    public int read(byte[] buffer) {
        if (closed) {
            return 0;
        }
        try {
            byte[] chunk = toLine.poll(20, TimeUnit.MILLISECONDS);
            if (chunk == null) {
                return 0;
            }
            System.arraycopy(chunk, 0, buffer, 0, chunk.length);
            return chunk.length;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    @Override
    public void sendBreak() {
    }

    @Override
    public boolean setDtr(boolean on) {
        return false;
    }

    @Override
    public int carrierDetect() {
        return -1;
    }

    @Override
    public void close() {
        closed = true;
    }
}
