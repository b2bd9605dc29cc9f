package org.tollgate.lines.relay;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The connector's audit trail ({@code tndconnect -file}, default {@code tndconnect.log}): start-up, every
 * session event, every relayed command ({@code >} lines, engineer to daemon) and response ({@code <} lines,
 * daemon to engineer), each line prefixed with an ISO-8601 UTC timestamp from the injected clock. The file
 * is appended to, never truncated, and flushed after every line.
 *
 * <p>The console (the "tndconnect window" of the seed) shows the same lines, except relayed data when
 * {@code -noecho} is given; {@link #debug} lines appear only with {@code -verbose}, in both places. The
 * one-time password is never written here.
 */
final class AuditLog implements Closeable {
    private final Clock clock;
    private final Writer file;
    private final PrintStream console;
    private final boolean verbose;
    private final boolean noecho;

    AuditLog(Clock clock, Path file, PrintStream console, boolean verbose, boolean noecho) throws IOException {
        this.clock = clock;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.console = console;
        this.verbose = verbose;
        this.noecho = noecho;
    }

    /** A session event: always logged and shown. */
    void event(String text) {
        write("", text, true);
    }

    /** A program trace line, only with {@code -verbose}. */
    void debug(String text) {
        if (verbose) {
            write("debug: ", text, true);
        }
    }

    /** A line the engineer sent to the telnet daemon. */
    void command(String line) {
        write("> ", line, !noecho);
    }

    /** A line the telnet daemon sent to the engineer. */
    void response(String line) {
        write("< ", line, !noecho);
    }

    private synchronized void write(String prefix, String text, boolean show) {
        String stamped = DateTimeFormatter.ISO_INSTANT.format(clock.instant()) + " " + prefix + text;
        try {
            file.write(stamped);
            file.write(System.lineSeparator());
            file.flush();
        } catch (IOException e) {
            console.println("tndconnect: cannot write the audit log: " + e.getMessage());
        }
        if (show) {
            console.println(prefix + text);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
