package org.tollgate.aaa.lockout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brute-force protection beyond Cisco: after {@code threshold} consecutive FAC failures from one
 * caller (default {@value #DEFAULT_THRESHOLD}), further FAC attempts from that caller are refused
 * for {@code lockTime} (default 15 minutes) without prompting or asking AAA.
 *
 * <p>A caller is whatever identifies the calling endpoint (calling number, or the endpoint name
 * when there is no number). Only rejected codes count as failures; timeouts and aborts do not. A
 * success resets the caller's count. When the lock expires the count starts from zero again.
 * Every lock and every refused attempt is logged (one line each) and counted ({@link #lockouts()},
 * {@link #refusals()}). A threshold of 0 disables the feature. Time comes from the injected clock.
 */
public final class FacLockout {

    /** Default number of consecutive failures that locks a caller. */
    public static final int DEFAULT_THRESHOLD = 5;
    /** Default lock duration. */
    public static final Duration DEFAULT_LOCK_TIME = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(FacLockout.class);

    private record Entry(int failures, Instant lockedUntil) {
    }

    private final Clock clock;
    private final int threshold;
    private final Duration lockTime;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong lockouts = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    /**
     * @param clock time source
     * @param threshold consecutive failures that lock a caller, 0 (disabled) to 1000
     * @param lockTime how long a locked caller is refused, positive
     */
    public FacLockout(Clock clock, int threshold, Duration lockTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threshold < 0 || threshold > 1000) {
            throw new IllegalArgumentException("threshold must be 0..1000: " + threshold);
        }
        if (lockTime.isNegative() || lockTime.isZero()) {
            throw new IllegalArgumentException("lockTime must be positive: " + lockTime);
        }
        this.threshold = threshold;
        this.lockTime = lockTime;
    }

    /** With the defaults (5 failures, 15 minutes). */
    public FacLockout(Clock clock) {
        this(clock, DEFAULT_THRESHOLD, DEFAULT_LOCK_TIME);
    }

    /** A lockout that never locks. */
    public static FacLockout disabled(Clock clock) {
        return new FacLockout(clock, 0, DEFAULT_LOCK_TIME);
    }

    /**
     * Checks a new attempt from {@code caller}: the end of its lock when it is locked (the attempt
     * is counted as refused and logged), empty when it may go ahead.
     */
    public Optional<Instant> refuse(String caller) {
        if (threshold == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(caller);
        if (entry == null || entry.lockedUntil() == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.lockedUntil())) {
            entries.remove(caller, entry);
            return Optional.empty();
        }
        long count = refusals.incrementAndGet();
        LOG.warn("FAC attempt from {} refused: locked out until {} ({} refusals so far)", caller,
                entry.lockedUntil(), count);
        return Optional.of(entry.lockedUntil());
    }

    /** Records a rejected code; returns true when this failure locked the caller. */
    public boolean recordFailure(String caller) {
        if (threshold == 0) {
            return false;
        }
        Instant now = clock.instant();
        Entry updated = entries.compute(caller, (key, old) -> {
            int failures = (old == null || old.lockedUntil() != null ? 0 : old.failures()) + 1;
            return failures >= threshold ? new Entry(failures, now.plus(lockTime)) : new Entry(failures, null);
        });
        if (updated.lockedUntil() != null) {
            lockouts.incrementAndGet();
            LOG.warn("FAC lockout: {} consecutive failures from {}, refusing FAC attempts until {}",
                    updated.failures(), caller, updated.lockedUntil());
            return true;
        }
        return false;
    }

    /** Records a successful code: the caller's failure count starts again from zero. */
    public void recordSuccess(String caller) {
        entries.remove(caller);
    }

    /** Consecutive failures currently counted for the caller (0 when locked-and-expired or unknown). */
    public int failures(String caller) {
        Entry entry = entries.get(caller);
        return entry == null ? 0 : entry.failures();
    }

    /** How many times a caller has been locked since start. */
    public long lockouts() {
        return lockouts.get();
    }

    /** How many attempts were refused because their caller was locked. */
    public long refusals() {
        return refusals.get();
    }

    /** A caller currently locked out, and until when. */
    public record Locked(String caller, Instant until) {
    }

    /** The callers locked out at this moment, ordered by caller. */
    public java.util.List<Locked> lockedCallers() {
        Instant now = clock.instant();
        return entries.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil() != null && now.isBefore(e.getValue().lockedUntil()))
                .map(e -> new Locked(e.getKey(), e.getValue().lockedUntil()))
                .sorted(java.util.Comparator.comparing(Locked::caller))
                .toList();
    }

    /** Lifts every lock and forgets every count ({@code clear aaa fac lockout}). */
    public void clear() {
        entries.clear();
        LOG.info("FAC lockout: all locks and counts cleared");
    }

    public int threshold() {
        return threshold;
    }

    public Duration lockTime() {
        return lockTime;
    }
}
