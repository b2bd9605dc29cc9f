package org.tollgate.gateway.sip.dtmf;

import java.time.Duration;
import java.util.Locale;

/**
 * DTMF in SIP INFO bodies (IOS {@code dtmf-relay sip-info}).
 *
 * <ul>
 *   <li>{@code application/dtmf-relay}: lines {@code Signal=5} and {@code Duration=160} (ms),
 *       CRLF or LF separated, any order, other lines ignored. {@code Signal=10}/{@code 11} are read as
 *       {@code *}/{@code #} (some phones send them).</li>
 *   <li>{@code application/dtmf}: the body is the digit alone.</li>
 * </ul>
 * Limits: bodies over {@link #MAX_BODY} (1024) characters are rejected; a missing duration becomes
 * {@link #DEFAULT_DURATION} (250 ms); durations above 60000 ms are rejected.
 */
public final class SipInfoDtmf {
    /** Content type of the Cisco/common INFO body. */
    public static final String DTMF_RELAY = "application/dtmf-relay";
    /** Content type of the bare-digit INFO body. */
    public static final String DTMF = "application/dtmf";
    /** Largest body decoded. */
    public static final int MAX_BODY = 1024;
    /** Duration when the body has none. */
    public static final Duration DEFAULT_DURATION = Duration.ofMillis(250);

    private SipInfoDtmf() {
    }

    /** The {@code application/dtmf-relay} body for an event, e.g. {@code Signal=5\r\nDuration=160\r\n}. */
    public static String encodeDtmfRelay(DigitEvent event) {
        return "Signal=" + event.digit() + "\r\nDuration=" + event.duration().toMillis() + "\r\n";
    }

    /** Decodes a body of content type {@code contentType} ({@link #DTMF_RELAY} or {@link #DTMF}). */
    public static DtmfDecodeResult decode(String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        int semi = type.indexOf(';');
        if (semi >= 0) {
            type = type.substring(0, semi).trim();
        }
        if (body == null || body.length() > MAX_BODY) {
            return new DtmfDecodeResult.Invalid("body missing or longer than " + MAX_BODY, 1, 1);
        }
        return switch (type) {
            case DTMF_RELAY -> decodeDtmfRelay(body);
            case DTMF -> {
                String t = body.trim();
                DtmfDecodeResult r = digitOf(t, 1, 1);
                yield r instanceof DtmfDecodeResult.Decoded d && d.digits().isEmpty()
                        ? new DtmfDecodeResult.Invalid("empty body", 1, 1) : r;
            }
            default -> new DtmfDecodeResult.Invalid("unsupported content type " + type, 1, 1);
        };
    }

    private static DtmfDecodeResult decodeDtmfRelay(String body) {
        Character digit = null;
        Duration duration = DEFAULT_DURATION;
        String[] lines = body.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            int valueColumn = eq + 2;
            if (name.equals("signal")) {
                DtmfDecodeResult r = digitOf(value, n + 1, valueColumn);
                if (r instanceof DtmfDecodeResult.Decoded d && !d.digits().isEmpty()) {
                    digit = d.digits().get(0).digit();
                } else {
                    return r instanceof DtmfDecodeResult.Invalid ? r
                            : new DtmfDecodeResult.Invalid("empty Signal", n + 1, valueColumn);
                }
            } else if (name.equals("duration")) {
                try {
                    long ms = Long.parseLong(value);
                    if (ms < 0 || ms > 60_000) {
                        return new DtmfDecodeResult.Invalid("Duration out of range 0..60000", n + 1, valueColumn);
                    }
                    duration = Duration.ofMillis(ms);
                } catch (NumberFormatException e) {
                    return new DtmfDecodeResult.Invalid("Duration is not a number", n + 1, valueColumn);
                }
            }
        }
        if (digit == null) {
            return new DtmfDecodeResult.Invalid("no Signal line", lines.length, 1);
        }
        return DtmfDecodeResult.of(new DigitEvent(digit, duration, DigitEvent.RelayMethod.SIP_INFO));
    }

    /** One digit token; empty token gives an empty Decoded. */
    private static DtmfDecodeResult digitOf(String token, int line, int column) {
        if (token.isEmpty()) {
            return new DtmfDecodeResult.Decoded(java.util.List.of());
        }
        char c;
        if (token.equals("10")) {
            c = '*';
        } else if (token.equals("11")) {
            c = '#';
        } else if (token.length() == 1) {
            c = Character.toUpperCase(token.charAt(0));
        } else {
            return new DtmfDecodeResult.Invalid("not a DTMF digit: " + token, line, column);
        }
        if (DigitEvent.DIGITS.indexOf(c) < 0) {
            return new DtmfDecodeResult.Invalid("not a DTMF digit: " + token, line, column);
        }
        return DtmfDecodeResult.of(new DigitEvent(c, DEFAULT_DURATION, DigitEvent.RelayMethod.SIP_INFO));
    }
}
