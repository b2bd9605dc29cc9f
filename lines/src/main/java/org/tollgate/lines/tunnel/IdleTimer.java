package org.tollgate.lines.tunnel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * "No traffic for {@code limit}" detector on an injected clock (secure telnet spec: the tunnel closes by
 * itself after 30 minutes with no traffic; the timer starts when the connection is up).
 *
 * <p>Thread-safe: the pipes call {@link #touch()} on every chunk relayed, a scheduler (or a test after
 * advancing its fake clock) calls {@link #isExpired()}.
 */
public final class IdleTimer {
    /** The seed's idle limit. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(30);

    private final Clock clock;
    private final Duration limit;
    private volatile Instant lastActivity;

    /** Starts the timer now. {@code limit} must be positive. */
    public IdleTimer(Clock clock, Duration limit) {
        this.clock = Objects.requireNonNull(clock);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("idle limit must be positive: " + limit);
        }
        this.limit = limit;
        this.lastActivity = clock.instant();
    }

    /** Records traffic now. */
    public void touch() {
        lastActivity = clock.instant();
    }

    /** True once {@code limit} has passed since the last traffic (or the start). */
    public boolean isExpired() {
        return !clock.instant().isBefore(lastActivity.plus(limit));
    }

    public Duration limit() {
        return limit;
    }
}
