package org.tollgate.gateway.sip.internal;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.message.SIPRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pre-validation of SIP messages where JAIN-SIP RI 1.3.0-91 is too liberal for RFC 4475: a pure
 * function of the raw bytes ({@link #checkRaw}) before the RI parses them, and of the parsed request
 * ({@link #checkParsed}) before the transaction layer sees it.
 *
 * <p>Raw checks (RFC 3261 section 7.5 and 18.3; RFC 4475 sections cited per rule):
 * <ul>
 *   <li>a response whose status code is not three digits in 100..699 is dropped (3.1.2.19);</li>
 *   <li>more than one Content-Length value is rejected with 400 (3.3.9);</li>
 *   <li>a Content-Length that is not a non-negative number is rejected with 400 (3.1.2.3);</li>
 *   <li>on a datagram, a Content-Length larger than the bytes after the header is rejected with 400
 *       (3.1.2.2); extra bytes beyond it are ignored (3.1.1.8);</li>
 *   <li>a Contact value with URI headers ({@code ?}) outside angle brackets is rejected with 400
 *       (3.1.2.13);</li>
 *   <li>a response with an overlarge scalar ({@code Retry-After}, {@code Warning} code, CSeq) is
 *       dropped (3.1.2.5).</li>
 * </ul>
 * Parsed-request checks: protocol version other than SIP/2.0 gets 505 (3.1.2.16); CSeq method
 * differing from the request method gets 400 (3.1.2.17, 3.1.2.18); a Request-URI carrying headers
 * gets 400 (3.1.2.11, RFC 3261 section 19.1.1); a missing To, From, Call-ID, CSeq or Via gets 400
 * (3.3.1).
 *
 * <p>Limits: the header section looked at is at most {@link #MAX_HEADER_BYTES} (65536) bytes.
 */
public final class SipMessageGuard {
    /** Largest header section examined. */
    public static final int MAX_HEADER_BYTES = 65_536;

    private static final Map<String, String> COMPACT = Map.of("l", "content-length", "m", "contact", "i", "call-id",
            "f", "from", "t", "to", "v", "via", "c", "content-type", "e", "content-encoding", "k", "supported",
            "s", "subject");

    private SipMessageGuard() {
    }

    /** What to do with a message. */
    public sealed interface Verdict {
        /** Hand the message on. */
        record Pass() implements Verdict {
        }

        /** Answer a request with {@code status} and stop. */
        record Reject(int status, String reason) implements Verdict {
        }

        /** Discard silently (responses, and requests too broken to answer). */
        record Drop(String reason) implements Verdict {
        }
    }

    private static final Verdict PASS = new Verdict.Pass();
    private static final long MAX_CSEQ = (1L << 31) - 1;
    /** A request's CSeq value: sequence number (at most 10 digits), LWS, method. */
    private static final java.util.regex.Pattern CSEQ = java.util.regex.Pattern.compile("([0-9]{1,10})\\s+\\S+");
    private static final java.util.Set<String> SINGLE_VALUE = java.util.Set.of("call-id", "from", "to", "cseq",
            "max-forwards", "content-type");

    /**
     * A copy of a rejected request reduced to what a response needs: the Request-Line re-spaced
     * with version SIP/2.0, the first of each single-value header, no Content-Length header and no
     * body, CSeq numbers clamped. The RI parses it so that the rejection can be answered over any
     * transport with the request's Via, From, To, Call-ID and CSeq.
     */
    public static byte[] sanitizeForResponse(byte[] message) {
        int headerEnd = headerEnd(message);
        int limit = headerEnd < 0 ? Math.min(message.length, MAX_HEADER_BYTES) : Math.min(headerEnd, MAX_HEADER_BYTES);
        List<String> lines = unfold(new String(message, 0, limit, StandardCharsets.ISO_8859_1));
        StringBuilder out = new StringBuilder();
        if (lines.isEmpty()) {
            return new byte[0];
        }
        String[] tokens = lines.get(0).trim().split("\\s+");
        if (tokens.length >= 2) {
            out.append(tokens[0]).append(' ').append(tokens[1]).append(" SIP/2.0\r\n");
        } else {
            out.append(lines.get(0)).append("\r\n");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = COMPACT.getOrDefault(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(0, colon).trim().toLowerCase(Locale.ROOT));
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length") || name.equals("content-type") || name.equals("contact")
                    || (SINGLE_VALUE.contains(name) && !seen.add(name))) {
                continue;
            }
            if (name.equals("cseq")) {
                String[] parts = value.split("\\s+");
                String method = parts.length > 1 ? parts[parts.length - 1] : tokens[0];
                value = (parts[0].matches("[0-9]{1,9}") ? parts[0] : "0") + " " + method;
            }
            out.append(line, 0, colon).append(": ").append(value).append("\r\n");
        }
        out.append("Content-Length: 0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Marks a request parsed from {@link #sanitizeForResponse} output as to be rejected. */
    public record Rejection(int status, String reason) {
    }

    /**
     * Checks a raw message as received.
     *
     * @param message the bytes of one message (a whole datagram for UDP)
     * @param datagram true for UDP, where Content-Length must fit the datagram
     */
    public static Verdict checkRaw(byte[] message, boolean datagram) {
        int headerEnd = headerEnd(message);
        int limit = headerEnd < 0 ? Math.min(message.length, MAX_HEADER_BYTES) : Math.min(headerEnd, MAX_HEADER_BYTES);
        String head = new String(message, 0, limit, StandardCharsets.ISO_8859_1);
        List<String> lines = unfold(head);
        if (lines.isEmpty()) {
            return new Verdict.Drop("empty message");
        }
        String start = lines.get(0);
        boolean response = start.startsWith("SIP/");
        if (response) {
            String[] parts = start.split(" ", 3);
            if (parts.length < 2 || !isStatusCode(parts[1])) {
                return new Verdict.Drop("status code not in 100..699");
            }
        }
        if (!response) {
            String[] tokens = start.split(" ", -1);
            if (tokens.length != 3 || tokens[0].isEmpty() || tokens[1].isEmpty() || tokens[2].isEmpty()) {
                return new Verdict.Reject(400, "Malformed Request-Line"); // 3.1.2.8-3.1.2.10: one SP between elements
            }
            if (!tokens[2].equals("SIP/2.0")) {
                return new Verdict.Reject(505, "Version Not Supported"); // 3.1.2.16
            }
        }
        java.util.Map<String, Integer> singleCounts = new java.util.HashMap<>();
        int contentLengthCount = 0;
        long contentLength = -1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            name = COMPACT.getOrDefault(name, name);
            String value = line.substring(colon + 1).trim();
            if (SINGLE_VALUE.contains(name) && singleCounts.merge(name, 1, Integer::sum) > 1) {
                return response ? new Verdict.Drop("multiple " + name)
                        : new Verdict.Reject(400, "Multiple values in single-value header " + name); // 3.3.8
            }
            switch (name) {
                case "content-length" -> {
                    contentLengthCount += 1 + count(value, ',');
                    if (!isNumber(value, 9)) {
                        return response ? new Verdict.Drop("invalid Content-Length")
                                : new Verdict.Reject(400, "Invalid Content-Length");
                    }
                    contentLength = Long.parseLong(value);
                }
                case "contact" -> {
                    if (hasBareUriHeaders(value)) {
                        return response ? new Verdict.Drop("Contact URI headers outside <>")
                                : new Verdict.Reject(400, "Contact URI with headers must be in <>");
                    }
                }
                case "retry-after", "warning", "cseq" -> {
                    if (response && hasOverlargeNumber(value)) {
                        return new Verdict.Drop("overlarge scalar in " + name);
                    }
                    if (!response && name.equals("cseq")) {
                        java.util.regex.Matcher m = CSEQ.matcher(value);
                        if (!m.matches() || Long.parseLong(m.group(1)) > MAX_CSEQ) {
                            return new Verdict.Reject(400, "Invalid CSeq"); // 3.1.2.4: CSeq must be below 2**31
                        }
                    }
                }
                default -> {
                    // other headers are the RI's business
                }
            }
        }
        if (contentLengthCount > 1) {
            return response ? new Verdict.Drop("multiple Content-Length") : new Verdict.Reject(400, "Multiple Content-Length");
        }
        if (datagram && headerEnd >= 0 && contentLength > message.length - headerEnd) {
            return response ? new Verdict.Drop("Content-Length larger than message")
                    : new Verdict.Reject(400, "Content-Length larger than message");
        }
        return PASS;
    }

    /** Checks a request the RI parsed. */
    public static Verdict checkParsed(SIPRequest request) {
        if (request.getTopmostVia() == null || request.getCSeq() == null || request.getCallId() == null
                || request.getFrom() == null || request.getTo() == null) {
            return new Verdict.Reject(400, "Missing required header");
        }
        String version = request.getRequestLine() == null ? null : request.getRequestLine().getSipVersion();
        if (version != null && !version.equalsIgnoreCase("SIP/2.0")) {
            return new Verdict.Reject(505, "Version Not Supported");
        }
        if (!request.getMethod().equals(request.getCSeq().getMethod())) {
            return new Verdict.Reject(400, "CSeq method does not match request method");
        }
        if (request.getRequestURI() instanceof SipUri uri && uri.getHeaderNames().hasNext()) {
            return new Verdict.Reject(400, "Request-URI must not contain headers");
        }
        return PASS;
    }

    /** Offset of the first body byte (after the blank line), or -1 if there is no blank line. */
    static int headerEnd(byte[] m) {
        int max = Math.min(m.length, MAX_HEADER_BYTES);
        for (int i = 0; i + 1 < max; i++) {
            if (m[i] == '\n' && m[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 3 < m.length && m[i] == '\r' && m[i + 1] == '\n' && m[i + 2] == '\r' && m[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /**
     * Header lines (split at LF or CRLF) with continuation lines (starting with SP/HT) joined;
     * leading CRLFs skipped. Scans the characters itself: this runs for every received message.
     */
    static List<String> unfold(String head) {
        List<String> out = new ArrayList<>();
        int n = head.length();
        for (int from = 0; from < n; ) {
            int lf = head.indexOf('\n', from);
            int end = lf < 0 ? n : lf;
            String raw = head.substring(from, lf > from && head.charAt(lf - 1) == '\r' ? lf - 1 : end);
            from = lf < 0 ? n : lf + 1;
            if (raw.isEmpty()) {
                if (out.isEmpty()) {
                    continue;
                }
                break;
            }
            if ((raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + raw.trim());
            } else {
                out.add(raw);
            }
        }
        return out;
    }

    /** Three digits, the first 1..6 (RFC 3261 section 7.2 Status-Code, 100..699). */
    private static boolean isStatusCode(String s) {
        return s.length() == 3 && s.charAt(0) >= '1' && s.charAt(0) <= '6' && isNumber(s, 3);
    }

    /** One to {@code maxDigits} ASCII digits and nothing else. */
    private static boolean isNumber(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasBareUriHeaders(String value) {
        // a '?' outside any <...> and outside quotes means an addr-spec with headers (RFC 3261 20.10)
        boolean inQuotes = false;
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == '<') {
                depth++;
            } else if (!inQuotes && c == '>') {
                depth--;
            } else if (!inQuotes && depth == 0 && c == '?') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasOverlargeNumber(String value) {
        // any run of 10 or more digits exceeds the 32-bit scalars of RFC 3261 (delta-seconds, CSeq, warn-code is 3 digits)
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = Character.isDigit(value.charAt(i)) ? run + 1 : 0;
            if (run >= 10) {
                return true;
            }
        }
        return false;
    }
}
