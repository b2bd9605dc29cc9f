package org.tollgate.config.line;

/**
 * {@code exec-timeout MINUTES [SECONDS]}; 0 0 disables the timeout. IOS default 10 minutes.
 *
 * @param minutes 0..35791
 * @param seconds 0..2147483
 */
public record ExecTimeout(int minutes, int seconds) {
    public static final ExecTimeout DEFAULT = new ExecTimeout(10, 0);

    /** Total seconds; 0 = never. */
    public long totalSeconds() {
        return minutes * 60L + seconds;
    }
}
