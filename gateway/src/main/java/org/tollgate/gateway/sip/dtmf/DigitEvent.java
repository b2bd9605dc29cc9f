package org.tollgate.gateway.sip.dtmf;

import java.time.Duration;
import java.util.Objects;

/**
 * One DTMF digit as received by any relay method. Every codec of this package produces this type,
 * so the digit collector (FAC, IVR) does not care how the digit travelled.
 *
 * @param digit one of {@code 0-9 * # A B C D}
 * @param duration how long the key was held (the codec's default when the sender gave none)
 * @param method how it arrived
 */
public record DigitEvent(char digit, Duration duration, RelayMethod method) {

    /** Valid digit characters, in RFC 4733 event-code order (event 0..15). */
    public static final String DIGITS = "0123456789*#ABCD";

    /** Validates the digit. */
    public DigitEvent {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(method, "method");
        if (DIGITS.indexOf(digit) < 0) {
            throw new IllegalArgumentException("not a DTMF digit: " + digit);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration");
        }
    }

    /** The RFC 4733 section 3.2 event code (0..15). */
    public int eventCode() {
        return DIGITS.indexOf(digit);
    }

    /** The digit of an RFC 4733 event code 0..15. */
    public static char digitOfEvent(int event) {
        if (event < 0 || event >= DIGITS.length()) {
            throw new IllegalArgumentException("not a DTMF event code: " + event);
        }
        return DIGITS.charAt(event);
    }

    /** The relay methods of IOS {@code dtmf-relay}. */
    public enum RelayMethod {
        /** {@code rtp-nte}: RFC 4733 telephone-events in RTP. */
        RTP_NTE,
        /** {@code sip-info}: SIP INFO with {@code application/dtmf-relay} or {@code application/dtmf}. */
        SIP_INFO,
        /** {@code sip-notify}: Cisco unsolicited NOTIFY with {@code audio/telephone-event}. */
        SIP_NOTIFY,
        /** {@code sip-kpml}: RFC 4730 KPML reports. */
        SIP_KPML,
        /** In-band tones found by a DTMF detector. */
        INBAND
    }
}
