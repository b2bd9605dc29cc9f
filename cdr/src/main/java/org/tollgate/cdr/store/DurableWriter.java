package org.tollgate.cdr.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.RecordKind;

/**
 * Group commit: finished legs handed to {@link #submit} and feature records handed to
 * {@link #submitFeatures} (never block; called from call control's record sink) are written by one writer thread, many calls per transaction, and each
 * submission's future completes only after its transaction committed — the record is durable
 * before it is acknowledged. Within a transaction the records are queued for the sinks in the
 * order they were handed over, so sinks see a call's feature records and legs in call order.
 * After each commit {@code afterCommit} is told (sink runners wake).
 *
 * <p>Limits: at most {@value #MAX_BATCH} records per transaction (default, fixed), and at most one
 * commit per {@link #COMMIT_INTERVAL} (20 ms): a record arriving within that time after the last
 * commit waits for the rest of it, gathering the records that follow, so that under load calls
 * share transactions (at 1,000 calls/s about 40 records each); after a quiet spell a record is
 * committed at once. With H2 every commit writes a new chunk (the right-most B-tree leaf of each
 * index, rewritten whole, and the store's metadata), which costs about the same for one record as
 * for dozens. Durability is unchanged: a future still completes only after its commit; a
 * record's acknowledgement waits at most {@code COMMIT_INTERVAL} longer. The in-memory
 * hand-off queue is unbounded; records in it are not yet durable (a crash in the few
 * milliseconds between release and commit loses them, and their futures never complete).
 * If the database fails, the batch is retried every second until it succeeds or {@link #close}. A
 * record whose id is already stored (handed over twice) is skipped: ids are idempotent.
 */
public final class DurableWriter implements AutoCloseable {
    /** Largest number of records in one transaction. */
    public static final int MAX_BATCH = 4000;
    /** Shortest time between the starts of two commits; records arriving meanwhile join the next one. */
    public static final java.time.Duration COMMIT_INTERVAL = java.time.Duration.ofMillis(20);
    private static final Logger LOG = LoggerFactory.getLogger(DurableWriter.class);

    private record Pending(List<CallLegRecord> records, List<FeatureRecord> features, RecordKind kind,
                           CompletableFuture<Void> done) {
        int size() {
            return records.size() + features.size();
        }
    }

    private final CdrStore store;
    private final Consumer<List<CallLegRecord>> afterCommit;
    private final Consumer<List<FeatureRecord>> afterFeatures;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public DurableWriter(CdrStore store, Consumer<List<CallLegRecord>> afterCommit) {
        this(store, afterCommit, f -> { });
    }

    /**
     * As above; after each commit {@code afterFeatures} is told the feature records it held (on the
     * writer thread, before {@code afterCommit}; must not block).
     */
    public DurableWriter(CdrStore store, Consumer<List<CallLegRecord>> afterCommit,
                         Consumer<List<FeatureRecord>> afterFeatures) {
        this.store = store;
        this.afterCommit = afterCommit;
        this.afterFeatures = afterFeatures;
        this.thread = Thread.ofPlatform().name("cdr-writer").daemon(true).unstarted(this::run);
        thread.start();
    }

    /** Queues {@code records} for the next transaction; the future completes once they are committed. */
    public CompletableFuture<Void> submit(List<CallLegRecord> records) {
        return submit(records, RecordKind.STOP);
    }

    /** Queues START snapshots of legs that connected (kept only when a sink wants them). */
    public CompletableFuture<Void> submitStarts(List<CallLegRecord> records) {
        return submit(records, RecordKind.START);
    }

    /** Queues feature records for the next transaction; the future completes once they are committed. */
    public CompletableFuture<Void> submitFeatures(List<FeatureRecord> features) {
        return submit(new Pending(List.of(), List.copyOf(features), RecordKind.FEATURE, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> submit(List<CallLegRecord> records, RecordKind kind) {
        return submit(new Pending(List.copyOf(records), List.of(), kind, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> submit(Pending p) {
        if (!running) {
            p.done().completeExceptionally(new IllegalStateException("CDR writer closed"));
            return p.done();
        }
        queue.add(p);
        return p.done();
    }

    /** Records handed over but not yet committed. */
    public int backlog() {
        return queue.size();
    }

    private void run() {
        Connection c = null;
        List<Pending> batch = new ArrayList<>();
        long lastCommit = System.nanoTime() - COMMIT_INTERVAL.toNanos();
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    int n = first.size();
                    long deadline = lastCommit + COMMIT_INTERVAL.toNanos();
                    while (n < MAX_BATCH) {
                        long wait = deadline - System.nanoTime();
                        Pending p;
                        try {
                            p = wait > 0 && running ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                        } catch (InterruptedException e) {
                            running = false; // write what was gathered, then drain and stop
                            p = null;
                        }
                        if (p == null) {
                            break;
                        }
                        batch.add(p);
                        n += p.size();
                    }
                }
                if (c == null) {
                    c = store.connect();
                }
                lastCommit = System.nanoTime();
                List<CdrStore.Entry> entries = new ArrayList<>();
                List<CallLegRecord> all = new ArrayList<>();
                List<FeatureRecord> features = new ArrayList<>();
                for (Pending p : batch) {
                    switch (p.kind()) {
                        case STOP -> {
                            all.addAll(p.records());
                            p.records().forEach(r -> entries.add(new CdrStore.Entry.Stop(r)));
                        }
                        case START -> p.records().forEach(r -> entries.add(new CdrStore.Entry.Start(r)));
                        case FEATURE -> {
                            features.addAll(p.features());
                            p.features().forEach(f -> entries.add(new CdrStore.Entry.Feature(f)));
                        }
                    }
                }
                List<CallLegRecord> committed = all;
                List<FeatureRecord> committedFeatures = features;
                try {
                    store.appendEntries(c, entries);
                } catch (SQLException e) {
                    if (!isConstraintViolation(e)) {
                        throw e;
                    }
                    committedFeatures = new ArrayList<>();
                    committed = appendOneByOne(c, batch, committedFeatures);
                }
                batch.forEach(p -> p.done().complete(null));
                batch.clear();
                if (!committedFeatures.isEmpty()) {
                    afterFeatures.accept(committedFeatures);
                }
                afterCommit.accept(committed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (SQLException e) {
                LOG.error("CDR store write failed ({} records kept in memory, retrying): {}", batch.size(),
                        e.getMessage());
                close(c);
                c = null;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
        close(c);
    }

    /** SQLSTATE class 23: integrity constraint violation (here: a record id stored before). */
    private static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /**
     * A batch held a record id that is already stored (a record handed over twice): stores the
     * records one transaction each, skipping those already present — ids are idempotent.
     */
    private List<CallLegRecord> appendOneByOne(Connection c, List<Pending> batch, List<FeatureRecord> storedFeatures)
            throws SQLException {
        List<CallLegRecord> stored = new ArrayList<>();
        for (Pending p : batch) {
            for (FeatureRecord f : p.features()) {
                try {
                    store.append(c, List.of(), List.of(), List.of(f));
                    storedFeatures.add(f);
                } catch (SQLException e) {
                    if (!isConstraintViolation(e)) {
                        throw e;
                    }
                    LOG.warn("CDR feature record {} already stored: skipped", f.recordId());
                }
            }
            for (CallLegRecord r : p.records()) {
                try {
                    if (p.kind() == RecordKind.STOP) {
                        store.append(c, List.of(), List.of(r));
                        stored.add(r);
                    } else {
                        store.append(c, List.of(r), List.of());
                    }
                } catch (SQLException e) {
                    if (!isConstraintViolation(e)) {
                        throw e;
                    }
                    LOG.warn("CDR record {} ({}) already stored: skipped", r.recordId(), p.kind());
                }
            }
        }
        return stored;
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing CDR writer connection: {}", e.getMessage());
            }
        }
    }

    /** Writes what was handed over, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
