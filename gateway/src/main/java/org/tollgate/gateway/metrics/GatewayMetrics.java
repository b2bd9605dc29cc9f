package org.tollgate.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's Prometheus meters (Micrometer). Module adapters call these methods; until they do,
 * the meters read zero.
 *
 * <ul>
 *   <li>{@code tollgate_calls_active} (gauge): calls in progress — {@link #callStarted()} / {@link #callEnded(String)}</li>
 *   <li>{@code tollgate_calls_total{outcome}} (counter): finished calls by outcome
 *       ({@code answered}, {@code busy}, {@code no-answer}, {@code blocked}, {@code failed} ...)</li>
 *   <li>{@code tollgate_fac_total{result}} (counter): FAC attempts by result ({@code success}, {@code failure})</li>
 *   <li>{@code tollgate_radius_latency_seconds} (timer/summary): RADIUS request round trips</li>
 *   <li>{@code tollgate_records_queued{sink}} (gauge): accounting records waiting per sink
 *       ({@code file}, {@code radius}, {@code syslog})</li>
 * </ul>
 */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicLong active = new AtomicLong();
    private final ConcurrentMap<String, AtomicLong> queued = new ConcurrentHashMap<>();
    private final Timer radiusLatency;

    public GatewayMetrics() {
        Gauge.builder("tollgate.calls.active", active, AtomicLong::get)
                .description("Calls in progress").register(registry);
        for (String outcome : new String[] {"answered", "failed"}) {
            calls(outcome);
        }
        fac("success");
        fac("failure");
        radiusLatency = Timer.builder("tollgate.radius.latency")
                .description("RADIUS request round-trip time").register(registry);
        for (String sink : new String[] {"file", "radius", "syslog"}) {
            queue(sink);
        }
    }

    private Counter calls(String outcome) {
        return Counter.builder("tollgate.calls").description("Finished calls by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter fac(String result) {
        return Counter.builder("tollgate.fac").description("Forced authorization code attempts by result")
                .tag("result", result).register(registry);
    }

    private AtomicLong queue(String sink) {
        return queued.computeIfAbsent(sink, s -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("tollgate.records.queued", v, AtomicLong::get)
                    .description("Accounting records waiting per sink").tag("sink", s).register(registry);
            return v;
        });
    }

    /** A call began (the active gauge goes up). */
    public void callStarted() {
        active.incrementAndGet();
    }

    /** A call ended with {@code outcome} (the active gauge goes down, the outcome counter up). */
    public void callEnded(String outcome) {
        active.updateAndGet(v -> Math.max(0, v - 1));
        calls(outcome).increment();
    }

    /** One FAC attempt finished; {@code success} true for an accepted code. */
    public void facAttempt(boolean success) {
        fac(success ? "success" : "failure").increment();
    }

    /** One RADIUS request's round trip. */
    public void radiusLatency(Duration d) {
        radiusLatency.record(d);
    }

    /** The number of records waiting in a sink's queue now. */
    public void recordsQueued(String sink, long count) {
        queue(sink).set(count);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
