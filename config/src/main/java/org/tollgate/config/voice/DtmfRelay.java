package org.tollgate.config.voice;

import java.util.Locale;
import java.util.Optional;

/** {@code dtmf-relay} methods of a dial-peer or SIP phone, in the IOS keyword spelling. */
public enum DtmfRelay {
    /** RFC 4733 telephone-events in RTP. */
    RTP_NTE,
    /** SIP INFO, {@code application/dtmf-relay}. */
    SIP_INFO,
    /** Cisco SIP NOTIFY, {@code audio/telephone-event}. */
    SIP_NOTIFY,
    /** RFC 4730 KPML. */
    SIP_KPML,
    /** H.245 alphanumeric (kept; tollgate has no H.323). */
    H245_ALPHANUMERIC,
    /** H.245 signal (kept; tollgate has no H.323). */
    H245_SIGNAL;

    /** The IOS keyword, e.g. {@code rtp-nte}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The method for a keyword. */
    public static Optional<DtmfRelay> parse(String keyword) {
        for (DtmfRelay d : values()) {
            if (d.keyword().equals(keyword)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
