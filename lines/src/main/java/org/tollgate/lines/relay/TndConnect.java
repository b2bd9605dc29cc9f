package org.tollgate.lines.relay;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code tollgate tndconnect}: the connector command (see {@link ConnectorOptions} for the command line and
 * {@link Connector} for the run). Exit status: 0 after a session that ended by one of the spec's causes
 * (including Ctrl+C), 1 when it could not start (daemon not running, relay unreachable or refusing, host key
 * mismatch, log file not writable), 2 on a command-line error.
 */
public final class TndConnect {
    private TndConnect() {}

    /** Entry point of {@code tollgate tndconnect ARGS}; returns the exit status. */
    public static int run(String[] args) {
        return run(args, Clock.systemUTC(), System.out, System.err);
    }

    static int run(String[] args, Clock clock, PrintStream out, PrintStream err) {
        ConnectorOptions options;
        switch (ConnectorOptions.parse(args)) {
            case ConnectorOptions.Help h -> {
                out.println(ConnectorOptions.USAGE);
                return 0;
            }
            case ConnectorOptions.Invalid i -> {
                err.println("tndconnect: " + i.message());
                err.println(ConnectorOptions.USAGE);
                return 2;
            }
            case ConnectorOptions.Ok ok -> options = ok.options();
        }
        AuditLog audit;
        try {
            audit = new AuditLog(clock, options.file(), out, options.verbose(), options.noecho());
        } catch (IOException e) {
            err.println("tndconnect: cannot open the log file " + options.file() + ": " + e.getMessage());
            return 1;
        }
        Connector connector = new Connector(options, clock, audit);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tndconnect-idle");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(connector::tick, 1, 1, TimeUnit.SECONDS);
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            connector.interrupt();
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tndconnect-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        SessionEnd end;
        try {
            end = connector.run();
        } finally {
            ticker.shutdownNow();
            try {
                audit.close();
            } catch (IOException e) {
                err.println("tndconnect: closing the log file: " + e.getMessage());
            }
            done.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl+C): the hook is running
        }
        return end.exitStatus();
    }
}
