package org.tollgate.gateway.sip.dtmf;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Cisco unsolicited NOTIFY DTMF relay (IOS {@code dtmf-relay sip-notify}).
 *
 * <p>Negotiation: each side advertises
 * {@code Call-Info: <sip:addr>;method="NOTIFY;Event=telephone-event;Duration=2000"} in INVITE/200;
 * {@link #parseCallInfo} reads it. Digits then travel as NOTIFY with {@code Event: telephone-event},
 * {@code Content-Type: audio/telephone-event} and a 4-byte body laid out like the RFC 4733 section
 * 2.3 payload: event code (0-15), a byte with the end bit (0x80) and 6-bit volume, and a 16-bit
 * duration, which Cisco sends in milliseconds.
 */
public final class CiscoNotifyDtmf {
    /** The body's content type. */
    public static final String CONTENT_TYPE = "audio/telephone-event";
    /** The NOTIFY's Event package. */
    public static final String EVENT = "telephone-event";
    /** Duration assumed when the Call-Info parameter has none; IOS default 2000 ms. */
    public static final Duration DEFAULT_NEGOTIATED_DURATION = Duration.ofMillis(2000);

    private CiscoNotifyDtmf() {
    }

    /**
     * What a {@code Call-Info} value offers.
     *
     * @param target the URI in angle brackets
     * @param duration the {@code Duration} the peer announced (how long a digit may last)
     */
    public record Negotiation(String target, Duration duration) {
    }

    /**
     * Reads a {@code Call-Info} header value; empty unless it offers
     * {@code method="NOTIFY;Event=telephone-event..."}.
     */
    public static Optional<Negotiation> parseCallInfo(String value) {
        if (value == null || value.length() > 1024) {
            return Optional.empty();
        }
        int lt = value.indexOf('<');
        int gt = value.indexOf('>', lt + 1);
        if (lt < 0 || gt < 0) {
            return Optional.empty();
        }
        String target = value.substring(lt + 1, gt);
        String params = value.substring(gt + 1);
        int m = params.toLowerCase(Locale.ROOT).indexOf("method=\"");
        if (m < 0) {
            return Optional.empty();
        }
        int end = params.indexOf('"', m + 8);
        if (end < 0) {
            return Optional.empty();
        }
        String[] parts = params.substring(m + 8, end).split(";");
        if (!parts[0].trim().equalsIgnoreCase("NOTIFY")) {
            return Optional.empty();
        }
        boolean telephoneEvent = false;
        Duration duration = DEFAULT_NEGOTIATED_DURATION;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            String k = kv[0].trim().toLowerCase(Locale.ROOT);
            String v = kv[1].trim();
            if (k.equals("event") && v.equalsIgnoreCase(EVENT)) {
                telephoneEvent = true;
            } else if (k.equals("duration")) {
                try {
                    long ms = Long.parseLong(v);
                    if (ms > 0 && ms <= 60_000) {
                        duration = Duration.ofMillis(ms);
                    }
                } catch (NumberFormatException e) {
                    // keep the default: a bad Duration does not void the offer
                }
            }
        }
        return telephoneEvent ? Optional.of(new Negotiation(target, duration)) : Optional.empty();
    }

    /** The {@code Call-Info} value advertising NOTIFY relay at {@code target}. */
    public static String callInfo(String target, Duration duration) {
        return "<" + target + ">;method=\"NOTIFY;Event=telephone-event;Duration=" + duration.toMillis() + "\"";
    }

    /** The 4-byte body for a digit: event, end bit + volume 10 (-10 dBm0), duration in ms (max 65535). */
    public static byte[] encode(DigitEvent event, boolean end) {
        long ms = Math.min(65_535, event.duration().toMillis());
        return new byte[] {(byte) event.eventCode(), (byte) ((end ? 0x80 : 0) | 10), (byte) (ms >>> 8), (byte) ms};
    }

    /** Decodes a 4-byte body. Events above 15 (e.g. flash) are reported as invalid for the digit stream. */
    public static DtmfDecodeResult decode(byte[] body) {
        if (body == null || body.length != 4) {
            return new DtmfDecodeResult.Invalid("body must be 4 bytes", 1, 1);
        }
        int event = body[0] & 0xff;
        if (event >= DigitEvent.DIGITS.length()) {
            return new DtmfDecodeResult.Invalid("event " + event + " is not a DTMF digit", 1, 1);
        }
        int ms = ((body[2] & 0xff) << 8) | (body[3] & 0xff);
        return DtmfDecodeResult.of(new DigitEvent(DigitEvent.digitOfEvent(event), Duration.ofMillis(ms),
                DigitEvent.RelayMethod.SIP_NOTIFY));
    }
}
