package org.tollgate.gateway.sip.b2bua;

import java.util.Optional;
import java.util.function.Function;
import javax.sip.message.Response;

/**
 * The {@code Replaces} header (RFC 3891) of an INVITE and its match against the gateway's dialogs.
 *
 * <p>Matching (RFC 3891 section 3, from the gateway's side): the Call-ID names a live SIP leg, the
 * {@code to-tag} is the gateway's tag in that dialog and the {@code from-tag} the peer's. Outcomes:
 * no such dialog → 481; the dialog already ended → 603; an early dialog the gateway did not initiate
 * (a caller's unanswered INVITE) → 481; a confirmed dialog with {@code early-only} → 486; otherwise
 * the leg is {@link Match.Found}.
 */
final class Replaces {
    /** The header's name. */
    static final String HEADER = "Replaces";

    private Replaces() {}

    /** A parsed header value: {@code call-id;to-tag=T;from-tag=F[;early-only]}. */
    record Value(String callId, String toTag, String fromTag, boolean earlyOnly) {}

    /** The outcome of matching a value against the gateway's dialogs. */
    sealed interface Match {
        /** The dialog to replace. */
        record Found(SipLeg leg) implements Match {}

        /** The INVITE is answered {@code status}. */
        record Refuse(int status, String reason) implements Match {}
    }

    /** The value of a {@code Replaces} header as the stack gives it (its text after the colon). */
    static Optional<Value> valueOf(javax.sip.header.Header header) {
        String text = header.toString();
        int colon = text.indexOf(':');
        return parse(colon < 0 ? text : text.substring(colon + 1));
    }

    /** Parses {@code call-id;to-tag=T;from-tag=F[;early-only]}; empty without a Call-ID or either tag. */
    static Optional<Value> parse(String value) {
        String[] parts = value.trim().split(";");
        String callId = parts[0].trim();
        String to = null;
        String from = null;
        boolean earlyOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
            String v = eq < 0 ? "" : p.substring(eq + 1).trim();
            switch (name) {
                case "to-tag" -> to = v;
                case "from-tag" -> from = v;
                case "early-only" -> earlyOnly = true;
                default -> { }
            }
        }
        if (callId.isEmpty() || to == null || from == null) {
            return Optional.empty();
        }
        return Optional.of(new Value(callId, to, from, earlyOnly));
    }

    /** Matches {@code value} against the gateway's legs ({@code legs}: by Call-ID). */
    static Match match(Optional<Value> value, Function<String, Optional<SipLeg>> legs) {
        if (value.isEmpty()) {
            return new Match.Refuse(Response.BAD_REQUEST, "malformed Replaces");
        }
        Value v = value.get();
        Optional<SipLeg> found = legs.apply(v.callId())
                .filter(l -> v.toTag().equals(l.localTag()) && v.fromTag().equals(l.remoteTag()));
        if (found.isEmpty()) {
            return new Match.Refuse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, "no such dialog");
        }
        SipLeg leg = found.get();
        if (leg.isEnded() || leg.callRef() == null) {
            return new Match.Refuse(Response.DECLINE, "the dialog has ended");
        }
        if (!leg.confirmed() && !leg.gatewayInitiated()) {
            return new Match.Refuse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                    "early dialog not initiated by the gateway");
        }
        if (leg.confirmed() && v.earlyOnly()) {
            return new Match.Refuse(Response.BUSY_HERE, "early-only and the dialog is confirmed");
        }
        return new Match.Found(leg);
    }
}
