package org.tollgate.gateway.sip.cause;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(1, "unallocated (unassigned) number"), Map.entry(3, "no route to destination"),
            Map.entry(16, "normal call clearing"), Map.entry(17, "user busy"), Map.entry(18, "no user responding"),
            Map.entry(19, "no answer from user (user alerted)"), Map.entry(21, "call rejected"),
            Map.entry(22, "number changed"), Map.entry(27, "destination out of order"),
            Map.entry(28, "invalid number format (address incomplete)"), Map.entry(31, "normal, unspecified"),
            Map.entry(34, "no circuit/channel available"), Map.entry(38, "network out of order"),
            Map.entry(41, "temporary failure"), Map.entry(42, "switching equipment congestion"),
            Map.entry(47, "resource unavailable, unspecified"), Map.entry(58, "bearer capability not presently available"),
            Map.entry(63, "service or option not available, unspecified"),
            Map.entry(79, "service or option not implemented, unspecified"), Map.entry(102, "recovery on timer expiry"),
            Map.entry(111, "protocol error, unspecified"), Map.entry(127, "interworking, unspecified"));

    /** Validates the cause range. */
    public Q850Reason {
        SipCauseMapping.requireCause(cause);
        text = text == null ? "" : text;
    }

    /** A reason with the standard text of {@code cause} (empty when this table has none). */
    public static Q850Reason of(int cause) {
        return new Q850Reason(cause, TEXTS.getOrDefault(cause, ""));
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
