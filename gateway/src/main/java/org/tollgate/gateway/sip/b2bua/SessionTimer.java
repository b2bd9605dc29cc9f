package org.tollgate.gateway.sip.b2bua;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 4028 session timers, the gateway as UAS of an incoming INVITE: pure negotiation
 * ({@link #negotiate}) and the refresh / expiry instants. No I/O, no clock.
 *
 * <ul>
 *   <li>Section 9: a {@code Session-Expires} below the gateway's {@link Settings#minSe() Min-SE}
 *       (default 90 s, the RFC's minimum) is refused with {@code 422 Session Interval Too Small}
 *       carrying {@code Min-SE}.</li>
 *   <li>With {@code Session-Expires} N in the request the session uses N. The refresher is the
 *       request's {@code refresher} parameter when the UAC supports timers ({@code Supported:
 *       timer}); absent, the UAS chooses {@code uac}; a UAC without timer support cannot refresh, so
 *       the gateway ({@code uas}) does.</li>
 *   <li>Without {@code Session-Expires} but with {@code Supported: timer} the gateway asks for
 *       {@link Settings#defaultSe()} (1800 s, section 4's recommendation) with {@code refresher=uac};
 *       with neither there is no session timer.</li>
 *   <li>The 2xx carries {@code Session-Expires: N;refresher=X} and, when the UAC supports timers,
 *       {@code Require: timer} (section 9).</li>
 *   <li>Section 10: the refresher refreshes at half the interval; the other side sends BYE when no
 *       refresh arrived by {@code N - min(32 s, N/3)} after the last one.</li>
 * </ul>
 */
final class SessionTimer {
    private static final Pattern DELTA = Pattern.compile("^\\s*(\\d{1,10})\\s*(;.*)?$");
    private static final Pattern REFRESHER = Pattern.compile(";\\s*refresher\\s*=\\s*(uac|uas)", Pattern.CASE_INSENSITIVE);

    private SessionTimer() {
    }

    /**
     * Session timer settings.
     *
     * @param minSe the smallest interval accepted, seconds (RFC 4028 floor and default: 90)
     * @param defaultSe the interval asked for when the UAC supports timers but proposed none (1800)
     */
    record Settings(int minSe, int defaultSe) {
        Settings {
            if (minSe < 90 || defaultSe < minSe) {
                throw new IllegalArgumentException("Min-SE must be >= 90 s and the default >= Min-SE");
            }
        }

        static Settings defaults() {
            return new Settings(90, 1800);
        }
    }

    /** Which side refreshes. */
    enum Refresher {
        UAC, UAS;

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What an incoming INVITE's session timer negotiation comes to. */
    sealed interface Negotiation {
        /** No session timer for this session. */
        record None() implements Negotiation {
        }

        /** {@code 422} with {@code Min-SE: minSe}. */
        record TooSmall(int minSe) implements Negotiation {
        }

        /**
         * The session runs with {@code seconds}, refreshed by {@code refresher}.
         *
         * @param requireTimer whether the 2xx carries {@code Require: timer} (the UAC supports timers)
         */
        record Use(int seconds, Refresher refresher, boolean requireTimer) implements Negotiation {
            /** The 2xx's {@code Session-Expires} value. */
            String headerValue() {
                return seconds + ";refresher=" + refresher.param();
            }
        }
    }

    /** A parsed {@code Session-Expires} value: delta-seconds and the optional refresher. */
    record Requested(int seconds, Optional<Refresher> refresher) {
    }

    /** Parses a {@code Session-Expires} value ({@code 1800;refresher=uac}); empty when malformed. */
    static Optional<Requested> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = DELTA.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        long s = Long.parseLong(m.group(1));
        if (s > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Matcher r = REFRESHER.matcher(m.group(2) == null ? "" : m.group(2));
        Optional<Refresher> refresher = r.find()
                ? Optional.of(Refresher.valueOf(r.group(1).toUpperCase(Locale.ROOT))) : Optional.empty();
        return Optional.of(new Requested((int) s, refresher));
    }

    /** Parses a {@code Min-SE} value (delta-seconds, maybe with parameters). */
    static OptionalInt parseMinSe(String value) {
        return parse(value).map(r -> OptionalInt.of(r.seconds())).orElse(OptionalInt.empty());
    }

    /**
     * Section 9, UAS behaviour.
     *
     * @param requested the INVITE's {@code Session-Expires}, if any
     * @param uacSupportsTimer whether the INVITE lists {@code timer} in {@code Supported}
     */
    static Negotiation negotiate(Optional<Requested> requested, boolean uacSupportsTimer, Settings settings) {
        if (requested.isEmpty()) {
            return uacSupportsTimer ? new Negotiation.Use(settings.defaultSe(), Refresher.UAC, true)
                    : new Negotiation.None();
        }
        Requested r = requested.get();
        if (r.seconds() < settings.minSe()) {
            return new Negotiation.TooSmall(settings.minSe());
        }
        Refresher refresher = uacSupportsTimer ? r.refresher().orElse(Refresher.UAC) : Refresher.UAS;
        return new Negotiation.Use(r.seconds(), refresher, uacSupportsTimer);
    }

    /** Section 9 for an INVITE: its {@code Session-Expires} (or compact {@code x}) and {@code Supported: timer}. */
    static Negotiation negotiate(javax.sip.message.Request req, Settings settings) {
        javax.sip.header.Header se = req.getHeader("Session-Expires");
        if (se == null) {
            se = req.getHeader("x");
        }
        Optional<Requested> requested = se == null ? Optional.empty() : parse(headerValue(se));
        boolean supported = false;
        java.util.ListIterator<?> it = req.getHeaders(javax.sip.header.SupportedHeader.NAME);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String tags = h instanceof javax.sip.header.SupportedHeader sh ? sh.getOptionTag()
                    : headerValue((javax.sip.header.Header) h);
            for (String tag : String.valueOf(tags).split(",")) {
                supported |= tag.trim().equalsIgnoreCase("timer");
            }
        }
        return negotiate(requested, supported, settings);
    }

    private static String headerValue(javax.sip.header.Header h) {
        String text = h.toString().trim();
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1).trim();
    }

    /** When the refresher sends its refresh: half the interval after the last one (section 10). */
    static Instant refreshAt(Instant last, int seconds) {
        return last.plus(Duration.ofSeconds(seconds).dividedBy(2));
    }

    /** When the non-refresher gives up and sends BYE: {@code N - min(32, N/3)} after the last refresh. */
    static Instant expiryAt(Instant last, int seconds) {
        Duration n = Duration.ofSeconds(seconds);
        Duration third = n.dividedBy(3);
        Duration margin = third.compareTo(Duration.ofSeconds(32)) < 0 ? third : Duration.ofSeconds(32);
        return last.plus(n).minus(margin);
    }
}
