package org.tollgate.callcontrol.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A {@link Clock} (UTC) that moves only when {@link #advance} is called: for tests of components
 * that take a {@code java.time.Clock} (lockouts, line idle timers, CDR sinks, tunnels) in this
 * module and the ones above it. Starts at {@link #DEFAULT_START} unless told. Thread-safe.
 */
public final class ManualClock extends Clock {
    /** The default start instant: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    /** Starts at {@link #DEFAULT_START}. */
    public ManualClock() {
        this(DEFAULT_START);
    }

    /** Moves the clock forward by {@code by}. */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
