package org.tollgate.gateway.sip.cause;

import java.util.Locale;
import java.util.Optional;
import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * The {@code Reason: Q.850;cause=N;text="..."} header value (RFC 3326 section 2), generated on BYE,
 * CANCEL and failure responses and read from the peer's.
 *
 * @param cause Q.850 cause 1..127
 * @param text the cause text (may be empty)
 */
public record Q850Reason(int cause, String text) {

    /** Longest header value {@link #parse} looks at; default 1024 characters. */
    public static final int MAX_LENGTH = 1024;

    /** Validates the cause range. */
    public Q850Reason {
        SipCauseMapping.requireCause(cause);
        text = text == null ? "" : text;
    }

    /** A reason with the Q.850 text of {@code cause} from the call engine's registry (empty if unlisted). */
    public static Q850Reason of(int cause) {
        Q850Cause c = Q850Cause.of(cause);
        return new Q850Reason(cause, c.keyword().isPresent() ? c.text() : "");
    }

    /**
     * The Reason for a call engine cause. Values above 127 (IOS-internal {@code call-block} causes up
     * to 180) and 0 are not Q.850 causes: they are sent as 127 "interworking, unspecified".
     */
    public static Q850Reason of(Q850Cause cause) {
        return of(cause.value() >= 1 && cause.value() <= 127 ? cause.value() : 127);
    }

    /** This reason's cause as the call engine's type. */
    public Q850Cause toCause() {
        return Q850Cause.of(cause);
    }

    /** The header value, e.g. {@code Q.850;cause=63;text="service or option not available, unspecified"}. */
    public String headerValue() {
        StringBuilder sb = new StringBuilder("Q.850;cause=").append(cause);
        if (!text.isEmpty()) {
            sb.append(";text=\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                if (c >= 0x20 && c != 0x7f) {
                    sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.toString();
    }

    /**
     * Reads one Reason header value. Values of another protocol ({@code SIP;cause=...}), a missing or
     * out-of-range cause, or a value longer than {@link #MAX_LENGTH} give empty.
     */
    public static Optional<Q850Reason> parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int semi = value.indexOf(';');
        String protocol = (semi < 0 ? value : value.substring(0, semi)).trim();
        if (!protocol.equalsIgnoreCase("Q.850") || semi < 0) {
            return Optional.empty();
        }
        Integer cause = null;
        String text = "";
        int i = semi + 1;
        while (i < value.length()) {
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < value.length() && value.charAt(j) == ' ') {
                j++;
            }
            String v;
            if (j < value.length() && value.charAt(j) == '"') {
                StringBuilder sb = new StringBuilder();
                j++;
                while (j < value.length() && value.charAt(j) != '"') {
                    if (value.charAt(j) == '\\' && j + 1 < value.length()) {
                        j++;
                    }
                    sb.append(value.charAt(j));
                    j++;
                }
                v = sb.toString();
                int next = value.indexOf(';', j);
                i = next < 0 ? value.length() : next + 1;
            } else {
                int next = value.indexOf(';', j);
                v = (next < 0 ? value.substring(j) : value.substring(j, next)).trim();
                i = next < 0 ? value.length() : next + 1;
            }
            if (name.equals("cause")) {
                try {
                    cause = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            } else if (name.equals("text")) {
                text = v;
            }
        }
        if (cause == null || cause < 1 || cause > 127) {
            return Optional.empty();
        }
        return Optional.of(new Q850Reason(cause, text));
    }
}
