package org.tollgate.gateway.sip.registrar;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact bound to an address-of-record (RFC 3261 section 10.3).
 *
 * @param aor the registered number
 * @param contact the contact as sent by the phone, including its URI and contact parameters
 * @param contactUri the contact URI alone (the binding key, compared as a string)
 * @param callId Call-ID of the REGISTER that created or last refreshed the binding
 * @param cseq its CSeq number
 * @param expiresAt when the binding lapses
 */
public record Binding(String aor, String contact, String contactUri, String callId, long cseq, Instant expiresAt) {
    /** Validates non-null. */
    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Seconds left at {@code now} (never negative). */
    public long secondsLeft(Instant now) {
        return Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond());
    }
}
