package org.tollgate.aaa.radius;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live state of one RADIUS server, shared by authentication and accounting and kept across
 * configuration swaps (IOS marks a server dead for every use of it): dead-until mark and the
 * counters {@code show aaa servers} prints. Thread-safe.
 */
public final class RadiusServerState {

    private final String host;
    private final int authPort;
    private final int acctPort;
    private final AtomicReference<Instant> deadUntil = new AtomicReference<>();
    final LongAdder authRequests = new LongAdder();
    final LongAdder authRetransmissions = new LongAdder();
    final LongAdder authTimeouts = new LongAdder();
    final LongAdder accepts = new LongAdder();
    final LongAdder rejects = new LongAdder();
    final LongAdder incorrect = new LongAdder();
    final LongAdder deadCount = new LongAdder();
    final LongAdder acctRequests = new LongAdder();
    final LongAdder acctTimeouts = new LongAdder();
    final LongAdder acctAcks = new LongAdder();

    RadiusServerState(String host, int authPort, int acctPort) {
        this.host = Objects.requireNonNull(host, "host");
        this.authPort = authPort;
        this.acctPort = acctPort;
    }

    /** True while the server is marked dead at {@code now}. */
    public boolean isDead(Instant now) {
        Instant until = deadUntil.get();
        return until != null && now.isBefore(until);
    }

    /** The end of the current dead period, if marked dead at {@code now}. */
    public Optional<Instant> deadUntil(Instant now) {
        return isDead(now) ? Optional.of(deadUntil.get()) : Optional.empty();
    }

    void markDead(Instant until) {
        deadUntil.set(until);
        deadCount.increment();
    }

    void markAlive() {
        deadUntil.set(null);
    }

    /** An immutable copy of the counters. */
    public Snapshot snapshot(Instant now) {
        return new Snapshot(host, authPort, acctPort, deadUntil(now), deadCount.sum(), authRequests.sum(),
                authRetransmissions.sum(), authTimeouts.sum(), accepts.sum(), rejects.sum(), incorrect.sum(),
                acctRequests.sum(), acctTimeouts.sum(), acctAcks.sum());
    }

    /**
     * Counters of one server.
     *
     * @param incorrect replies dropped for a wrong identifier, Response Authenticator or
     *     Message-Authenticator (a wrong shared secret shows here)
     * @param authTimeouts authentication requests that got no valid answer at all
     */
    public record Snapshot(String host, int authPort, int acctPort, Optional<Instant> deadUntil, long deadCount,
            long authRequests, long authRetransmissions, long authTimeouts, long accepts, long rejects,
            long incorrect, long acctRequests, long acctTimeouts, long acctAcks) {
    }
}
