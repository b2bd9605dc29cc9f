package org.tollgate.config.system;

/**
 * Call history table limits ({@code dial-control-mib ...}), used by {@code show call history voice}.
 *
 * @param retainTimerMinutes {@code retain-timer} 0..2147483647 minutes, default 15
 * @param maxSize {@code max-size} 0..1200 entries, default 50
 */
public record DialControlMib(int retainTimerMinutes, int maxSize) {
    public static final int DEFAULT_RETAIN_MINUTES = 15;
    public static final int DEFAULT_MAX_SIZE = 50;
    public static final DialControlMib DEFAULT = new DialControlMib(DEFAULT_RETAIN_MINUTES, DEFAULT_MAX_SIZE);

    public DialControlMib withRetainTimerMinutes(int v) {
        return new DialControlMib(v, maxSize);
    }

    public DialControlMib withMaxSize(int v) {
        return new DialControlMib(retainTimerMinutes, v);
    }
}
