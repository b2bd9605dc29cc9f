package org.tollgate.cdr.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.record.TimeOrderedUuids;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.SinkRunner;
import org.tollgate.cdr.store.CdrStore;
import org.tollgate.cdr.store.DurableWriter;
import org.tollgate.config.system.DialControlMib;

/**
 * The CDR pipeline, wired once by the gateway:
 * <pre>
 * call control --CallRecordEvent--> {@link #recordSink()} (CallRecordFolder, in memory: active legs)
 *   --Released: finished legs--> DurableWriter (group commit: cdr_record + cdr_queue_&lt;sink&gt;, one tx)
 * call control --FeatureRecordEvent--> the same folder --at once: feature record--> DurableWriter
 *   (cdr_feature + cdr_queue_&lt;sink&gt;, one tx)
 *   --after commit--> persisted listeners; SinkRunner per sink (own thread, own queue, retries)
 * </pre>
 * Call control only ever enqueues: the folder updates memory and hands finished legs to the
 * writer's queue, so a slow database, RADIUS server or syslog host never stalls it. On start the
 * runners resume whatever the queues still hold (records from before a crash).
 *
 * <pre>{@code
 * CdrService cdr = CdrService.start(CdrSettings.defaults(dataDir, cfg.hostname()),
 *         CdrSinks.fromConfig(cfg, radiusPort, dataDir.resolve("flash"), clock), clock, MediaStats.NONE);
 * CallControlModule.create(cfg, scheduler, voip, auth, cdr.recordSink());
 * new CdrCommands(() -> cdr, clearing).register(registry);
 * }</pre>
 */
public final class CdrService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CdrService.class);
    /**
     * How often history retention runs (after a commit, on the writer thread). Short, so that each
     * run deletes a few seconds of records whose pages are still in H2's cache: once a minute, the
     * deletes of a minute of records at 400 calls/s read back evicted pages and were 40 % of the
     * writer's CPU time.
     */
    public static final Duration PRUNE_PERIOD = Duration.ofSeconds(5);

    private final CdrStore store;
    private final Clock clock;
    private final AtomicReference<DialControlMib> history;
    private final CallRecordFolder folder;
    private final DurableWriter writer;
    private final List<SinkRunner> runners = new ArrayList<>();
    private final List<Consumer<List<CallLegRecord>>> persisted = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<FeatureRecord>>> featuresPersisted = new CopyOnWriteArrayList<>();
    private volatile Instant lastPrune;

    private CdrService(CdrStore store, CdrSettings settings, List<CdrSink> sinks, Clock clock, MediaStats media,
                       Supplier<UUID> ids) {
        this.store = store;
        this.clock = clock;
        this.history = new AtomicReference<>(settings.history());
        this.lastPrune = clock.instant();
        this.writer = new DurableWriter(store, this::committed, this::featuresCommitted);
        this.folder = new CallRecordFolder(ids, media, writer::submit,
                store.startSinks().isEmpty() ? l -> { } : writer::submitStarts, writer::submitFeatures);
        for (CdrSink s : sinks) {
            runners.add(new SinkRunner(store, s, settings.retryInitial(), settings.retryMax()));
        }
    }

    /**
     * Opens the store (creating tables) and starts the writer and one runner per sink. Connection ids
     * are time-ordered UUIDs ({@link TimeOrderedUuids}) on {@code clock}.
     */
    public static CdrService start(CdrSettings settings, List<CdrSink> sinks, Clock clock, MediaStats media)
            throws SQLException {
        return start(settings, sinks, clock, media, new TimeOrderedUuids(clock));
    }

    /** As {@link #start(CdrSettings, List, Clock, MediaStats)} with a connection-id source (tests). */
    public static CdrService start(CdrSettings settings, List<CdrSink> sinks, Clock clock, MediaStats media,
                                   Supplier<UUID> ids) throws SQLException {
        CdrStore store = CdrStore.open(settings.jdbcUrl(), settings.owner(), sinks.stream().map(CdrSink::name).toList(),
                sinks.stream().filter(CdrSink::wantsStarts).map(CdrSink::name).toList());
        CdrService s = new CdrService(store, settings, sinks, clock, media, ids);
        LOG.info("CDR service started: store {}, sinks {}", settings.jdbcUrl().replaceAll(";.*", ""),
                store.sinks());
        return s;
    }

    /**
     * The sink to give call control ({@code CallControlModule.create(..., cdr.recordSink())}). Never
     * blocks. It is also a {@code FeatureRecordSink}: call control's engine passes it the feature
     * events (forward, transfer, conference, park, pickup), which become feature records.
     */
    public CallRecordSink recordSink() {
        return folder;
    }

    /**
     * Called with the finished legs of each committed transaction (on the writer thread; must not
     * block). A record passed here is durable.
     */
    public void onPersisted(Consumer<List<CallLegRecord>> listener) {
        persisted.add(listener);
    }

    /**
     * Called with the feature records of each committed transaction (on the writer thread; must
     * not block). A feature record passed here is durable.
     */
    public void onFeaturesPersisted(Consumer<List<FeatureRecord>> listener) {
        featuresPersisted.add(listener);
    }

    private void featuresCommitted(List<FeatureRecord> features) {
        for (Consumer<List<FeatureRecord>> l : featuresPersisted) {
            l.accept(features);
        }
    }

    /** Called after each commit with the STOP records it held (possibly none: a START- or feature-only commit). */
    private void committed(List<CallLegRecord> records) {
        runners.forEach(SinkRunner::wake);
        for (Consumer<List<CallLegRecord>> l : persisted) {
            l.accept(records);
        }
        Instant now = clock.instant();
        if (!now.isBefore(lastPrune.plus(PRUNE_PERIOD))) {
            lastPrune = now;
            prune();
        }
    }

    /** Applies a new {@code dial-control-mib} (after a configuration change). */
    public void setHistoryLimits(DialControlMib limits) {
        history.set(limits);
    }

    /** Legs of calls in progress (never a released call). */
    public List<CallLegRecord> active() {
        return folder.active();
    }

    /** The call control references of the calls in progress, by connection id. */
    public CallRecordFolder folder() {
        return folder;
    }

    /** The history table: finished legs within {@code retain-timer} minutes, the {@code max-size} newest, oldest first. */
    public List<CallLegRecord> history() throws SQLException {
        DialControlMib h = history.get();
        Instant since = clock.instant().minus(Duration.ofMinutes(h.retainTimerMinutes()));
        try (Connection c = store.connect()) {
            return store.history(c, since, h.maxSize());
        }
    }

    /** Queue depth per sink. */
    public Map<String, Long> queueDepths() throws SQLException {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = store.connect()) {
            for (String s : store.sinks()) {
                m.put(s, store.depth(c, s));
            }
        }
        return m;
    }

    /** Deletes history beyond the {@code dial-control-mib} limits (never undelivered records). */
    public int prune() {
        DialControlMib h = history.get();
        try (Connection c = store.connect()) {
            return store.prune(c, clock.instant().minus(Duration.ofMinutes(h.retainTimerMinutes())), h.maxSize());
        } catch (SQLException e) {
            LOG.warn("CDR history pruning failed: {}", e.getMessage());
            return 0;
        }
    }

    public CdrStore store() {
        return store;
    }

    /** Hands finished legs directly to the durable writer (benchmarks, replay); completes once committed. */
    public CompletableFuture<Void> persist(List<CallLegRecord> records) {
        return writer.submit(records);
    }

    /** Hands feature records directly to the durable writer (replay, tests); completes once committed. */
    public CompletableFuture<Void> persistFeatures(List<FeatureRecord> features) {
        return writer.submitFeatures(features);
    }

    /** Writes what is pending, stops the runners (queues keep undelivered records for the next start). */
    @Override
    public void close() {
        writer.close();
        runners.forEach(SinkRunner::close);
        LOG.info("CDR service stopped");
    }
}
