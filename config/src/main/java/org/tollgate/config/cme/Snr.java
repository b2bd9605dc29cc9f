package org.tollgate.config.cme;

import java.util.Objects;

/**
 * {@code snr N delay D timeout T} (Cisco CME single number reach) on an {@code ephone-dn} or a
 * {@code voice register dn}: a call to the directory number also rings {@code number} (the mobile)
 * {@code delaySeconds} after it started ringing the desk, for at most {@code timeoutSeconds}.
 *
 * @param number the remote (mobile) number, digits
 * @param delaySeconds {@value #MIN_DELAY}..{@value #MAX_DELAY}
 * @param timeoutSeconds {@value #MIN_TIMEOUT}..{@value #MAX_TIMEOUT}
 */
public record Snr(String number, int delaySeconds, int timeoutSeconds) {
    public static final int MIN_DELAY = 0;
    public static final int MAX_DELAY = 30;
    public static final int MIN_TIMEOUT = 5;
    public static final int MAX_TIMEOUT = 60;

    public Snr {
        Objects.requireNonNull(number, "number");
    }

    /** The command as printed in the configuration (without leading space). */
    public String text() {
        return "snr " + number + " delay " + delaySeconds + " timeout " + timeoutSeconds;
    }
}
