package org.tollgate.gateway.wiring;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.aaa.AaaService;
import org.tollgate.aaa.cli.AaaCommands;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.analog.PromptAudio;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.cli.CallControlCommands;
import org.tollgate.callcontrol.cli.CallDebug;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.time.CallScheduler;
import org.tollgate.callcontrol.time.SystemScheduler;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cli.CliContribution;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.gateway.accounting.GatewayCdr;
import org.tollgate.gateway.metrics.GatewayMetrics;
import org.tollgate.ivrprompts.PromptResolver;

/**
 * AAA, the CDR pipeline and call control as {@code tollgate run} runs them.
 *
 * <pre>{@code
 * CallServices calls = CallServices.start(configHolder, dataDir, clock, debug, metrics);
 * calls.contributions(bootInstant)             // CLI: AAA, call control, show call / clear call voice
 * calls.setVoipLegs(sipLegFactory)             // the SIP edge's outgoing legs (until then: cause 63)
 * calls.module().calls().startCall(...)        // incoming SIP calls
 * calls.close()                                // shutdown: clear calls, close CDR, stop timers
 * }</pre>
 *
 * <p>Configuration changes ({@link ConfigHolder#observe}) go to {@link AaaService#apply},
 * {@link CallControlModule#reconfigure} and {@link CdrService#setHistoryLimits}. The CDR sinks
 * (file, RADIUS, syslog) and the voice-ports are read at start; changing them needs a restart.
 *
 * <p>Limits and defaults: FAC lockout 5 failures / 15 minutes ({@link FacLockout}); the CDR
 * queue depths are copied into the metrics every {@value #QUEUE_POLL_SECONDS} s; at shutdown the
 * active calls get up to {@link #CLEAR_WAIT} to release before the CDR service closes.
 */
public final class CallServices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallServices.class);
    /** How often the CDR sinks' queue depths are copied into {@code tollgate_records_queued}. */
    public static final long QUEUE_POLL_SECONDS = 5;
    /** How long shutdown waits for cleared calls to release (their STOP records are then written). */
    public static final Duration CLEAR_WAIT = Duration.ofSeconds(3);
    /** The directory under the data directory that {@code flash:} prompts are looked up in first. */
    public static final String FLASH = "flash";
    /** The cause active calls are released with at shutdown (normal, unspecified). */
    public static final Q850Cause SHUTDOWN_CAUSE = Q850Cause.NORMAL_UNSPECIFIED;

    private final AaaService aaa;
    private final CdrService cdr;
    private final CallScheduler scheduler;
    private final CallControlModule module;
    private final ScheduledExecutorService poller;
    private final AtomicReference<LegFactory> voip;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CallServices(AaaService aaa, CdrService cdr, CallScheduler scheduler, CallControlModule module,
                         ScheduledExecutorService poller, AtomicReference<LegFactory> voip) {
        this.aaa = aaa;
        this.cdr = cdr;
        this.scheduler = scheduler;
        this.module = module;
        this.poller = poller;
        this.voip = voip;
    }

    /**
     * Starts AAA, the CDR service (store under {@code dataDir}, file CDRs under {@code dataDir/flash})
     * and call control (IVR prompts {@code flash:NAME.au} from {@code dataDir/flash}, then the bundled
     * ones) from {@code config}'s current configuration and follows its changes.
     */
    public static CallServices start(ConfigHolder config, Path dataDir, Clock clock, DebugBus debug,
                                     GatewayMetrics metrics) throws SQLException {
        return start(config, dataDir, clock, debug, metrics, new SystemScheduler(clock));
    }

    /**
     * As {@link #start(ConfigHolder, Path, Clock, DebugBus, GatewayMetrics)} with call control's timers
     * (no-answer, park recall, digit timeouts) on {@code scheduler}: tests pass a {@code ManualScheduler}
     * and advance it instead of sleeping. {@link #close()} closes the scheduler when it is
     * {@link AutoCloseable}.
     */
    public static CallServices start(ConfigHolder config, Path dataDir, Clock clock, DebugBus debug,
                                     GatewayMetrics metrics, CallScheduler scheduler) throws SQLException {
        GatewayConfig cfg = config.get();
        AaaService aaa = new AaaService(cfg, clock, new FacLockout(clock), RadiusSourceAddress.of(cfg));
        ReleasedMedia media = new ReleasedMedia();
        CdrService cdr = GatewayCdr.start(cfg, aaa, dataDir, clock, media, metrics::radiusLatency);
        AtomicReference<LegFactory> voip = new AtomicReference<>(
                LegFactory.unavailable(Q850Cause.SERVICE_NOT_AVAILABLE, "the SIP edge is not running"));
        CallControlModule module;
        try {
            module = CallControlModule.create(cfg, scheduler, (req, ev) -> voip.get().create(req, ev),
                    aaa.authorizationApplication(),
                    CallRecordSink.all(media.around(cdr.recordSink()), new CallDebug(debug),
                            new CallMetricsSink(metrics)),
                    new PromptAudio(new PromptResolver(Optional.of(dataDir.resolve(FLASH)))));
        } catch (RuntimeException e) {
            closeScheduler(scheduler);
            cdr.close();
            throw e;
        }
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("cdr-queue-metrics").factory());
        CallServices s = new CallServices(aaa, cdr, scheduler, module, poller, voip);
        poller.scheduleWithFixedDelay(() -> s.publishQueueDepths(metrics), 0, QUEUE_POLL_SECONDS, TimeUnit.SECONDS);
        config.observe(change -> s.apply(change.current()));
        LOG.info("call control started: {} voice-ports", module.ports().all().size());
        return s;
    }

    /** Applies a new configuration to AAA, call control (new calls) and the CDR history limits. */
    void apply(GatewayConfig cfg) {
        aaa.apply(cfg);
        module.reconfigure(cfg);
        cdr.setHistoryLimits(cfg.dialControlMib());
    }

    private void publishQueueDepths(GatewayMetrics metrics) {
        try {
            for (Map.Entry<String, Long> e : cdr.queueDepths().entrySet()) {
                metrics.recordsQueued(e.getKey(), e.getValue());
            }
        } catch (SQLException e) {
            LOG.warn("reading the CDR queue depths failed: {}", e.getMessage());
        }
    }

    /** The CLI contributions: {@code show aaa ...}, voice-port and call control views, {@code show call ...}. */
    public List<CliContribution> contributions(Instant boot) {
        return List.of(new AaaCommands(() -> aaa), new CallControlCommands(() -> module),
                GatewayCdr.commands(() -> cdr, boot, (ref, cause) -> module.calls().clear(ref, cause)));
    }

    /** Where calls to voip dial-peers and phone lines go (the SIP edge); replaces the unavailable one. */
    public void setVoipLegs(LegFactory legs) {
        voip.set(Objects.requireNonNull(legs, "legs"));
    }

    public AaaService aaa() {
        return aaa;
    }

    public CdrService cdr() {
        return cdr;
    }

    public CallControlModule module() {
        return module;
    }

    /**
     * Releases every active call with {@link #SHUTDOWN_CAUSE} and waits up to {@link #CLEAR_WAIT}
     * for them to end, then closes the CDR service (pending records are written; undelivered ones
     * stay queued for the next start) and the call scheduler. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        poller.shutdownNow();
        int n = module.calls().clearAll(SHUTDOWN_CAUSE);
        if (n > 0) {
            LOG.info("shutdown: clearing {} active call(s)", n);
            long deadline = System.nanoTime() + CLEAR_WAIT.toNanos();
            while (!module.calls().activeCalls().isEmpty() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        cdr.close();
        closeScheduler(scheduler);
    }

    private static void closeScheduler(CallScheduler scheduler) {
        if (scheduler instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the call scheduler failed: {}", e.toString());
            }
        }
    }
}
