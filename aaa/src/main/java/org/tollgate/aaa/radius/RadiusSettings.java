package org.tollgate.aaa.radius;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Client-wide RADIUS settings (IOS {@code radius-server timeout|retransmit|deadtime},
 * {@code ip radius source-interface}).
 *
 * <table>
 *   <caption>limits and defaults</caption>
 *   <tr><th>setting</th><th>range</th><th>default</th></tr>
 *   <tr><td>timeout</td><td>1..1000 s (finer in tests)</td><td>5 s</td></tr>
 *   <tr><td>retransmit</td><td>0..100</td><td>3</td></tr>
 *   <tr><td>deadtime</td><td>0..1440 min</td><td>0 (never mark dead)</td></tr>
 *   <tr><td>source address</td><td>local address</td><td>any (the OS picks)</td></tr>
 *   <tr><td>require Message-Authenticator in replies</td><td>yes/no</td><td>yes (BlastRADIUS, CVE-2024-3596)</td></tr>
 * </table>
 *
 * @param timeout wait for a reply before retransmitting
 * @param retransmit retransmissions per server before trying the next server
 * @param deadtime how long a server that did not answer is skipped
 * @param sourceAddress local address requests are sent from
 * @param requireResponseMessageAuthenticator drop Access-Accept/Reject lacking a valid Message-Authenticator
 */
public record RadiusSettings(Duration timeout, int retransmit, Duration deadtime, Optional<InetAddress> sourceAddress,
        boolean requireResponseMessageAuthenticator) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RETRANSMIT = 3;

    public RadiusSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(deadtime, "deadtime");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(1000)) > 0) {
            throw new IllegalArgumentException("timeout must be in (0, 1000 s]: " + timeout);
        }
        if (retransmit < 0 || retransmit > 100) {
            throw new IllegalArgumentException("retransmit must be 0..100: " + retransmit);
        }
        if (deadtime.isNegative() || deadtime.compareTo(Duration.ofMinutes(1440)) > 0) {
            throw new IllegalArgumentException("deadtime must be 0..1440 min: " + deadtime);
        }
    }

    /** The IOS defaults. */
    public static RadiusSettings defaults() {
        return new RadiusSettings(DEFAULT_TIMEOUT, DEFAULT_RETRANSMIT, Duration.ZERO, Optional.empty(), true);
    }

    public RadiusSettings withTimeout(Duration value) {
        return new RadiusSettings(value, retransmit, deadtime, sourceAddress, requireResponseMessageAuthenticator);
    }

    public RadiusSettings withRetransmit(int value) {
        return new RadiusSettings(timeout, value, deadtime, sourceAddress, requireResponseMessageAuthenticator);
    }

    public RadiusSettings withDeadtime(Duration value) {
        return new RadiusSettings(timeout, retransmit, value, sourceAddress, requireResponseMessageAuthenticator);
    }

    public RadiusSettings withSourceAddress(InetAddress value) {
        return new RadiusSettings(timeout, retransmit, deadtime, Optional.ofNullable(value),
                requireResponseMessageAuthenticator);
    }

    public RadiusSettings withRequireResponseMessageAuthenticator(boolean value) {
        return new RadiusSettings(timeout, retransmit, deadtime, sourceAddress, value);
    }
}
