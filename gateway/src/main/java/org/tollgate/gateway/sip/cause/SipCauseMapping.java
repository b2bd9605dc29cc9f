package org.tollgate.gateway.sip.cause;

import java.util.Map;
import java.util.Optional;
import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * Q.850 cause ↔ SIP status code, a pure table.
 *
 * <ul>
 *   <li>Q.850 → SIP: RFC 3398 section 7.2.4.1 (ISUP cause → SIP response). Causes the RFC does not
 *       list map by cause class: 0-31 → 480, 32-47 → 503, 48-63 → 503, 64-79 → 501, 80-127 → 500.
 *       Cause 63 (the IOS default of {@code voice lpcor call-block cause}) is therefore 503 and
 *       cause 28 ({@code invalid-number}) is 484.</li>
 *   <li>SIP → Q.850: RFC 3398 section 8.2.6.1 (with RFC 4497 section 9.11 for 487 and 6xx).
 *       Unlisted codes map by class: 4xx → 31, 5xx → 41, 6xx → 31. A {@code Reason: Q.850;cause=N}
 *       header (RFC 3326) in the response wins over the table: see {@link #toQ850(int, Optional)}.</li>
 * </ul>
 */
public final class SipCauseMapping {

    private static final Map<Integer, Integer> Q850_TO_SIP = Map.ofEntries(
            Map.entry(1, 404), Map.entry(2, 404), Map.entry(3, 404), Map.entry(17, 486), Map.entry(18, 408),
            Map.entry(19, 480), Map.entry(20, 480), Map.entry(21, 403), Map.entry(22, 410), Map.entry(23, 410),
            Map.entry(26, 404), Map.entry(27, 502), Map.entry(28, 484), Map.entry(29, 501), Map.entry(31, 480),
            Map.entry(34, 503), Map.entry(38, 503), Map.entry(41, 503), Map.entry(42, 503), Map.entry(47, 503),
            Map.entry(55, 403), Map.entry(57, 403), Map.entry(58, 503), Map.entry(65, 488), Map.entry(70, 488),
            Map.entry(79, 501), Map.entry(87, 403), Map.entry(88, 503), Map.entry(102, 504), Map.entry(111, 500),
            Map.entry(127, 500));

    private static final Map<Integer, Integer> SIP_TO_Q850 = Map.ofEntries(
            Map.entry(400, 41), Map.entry(401, 21), Map.entry(402, 21), Map.entry(403, 21), Map.entry(404, 1),
            Map.entry(405, 63), Map.entry(406, 79), Map.entry(407, 21), Map.entry(408, 102), Map.entry(410, 22),
            Map.entry(413, 127), Map.entry(414, 127), Map.entry(415, 79), Map.entry(416, 127), Map.entry(420, 127),
            Map.entry(421, 127), Map.entry(423, 127), Map.entry(480, 18), Map.entry(481, 41), Map.entry(482, 25),
            Map.entry(483, 25), Map.entry(484, 28), Map.entry(485, 1), Map.entry(486, 17), Map.entry(487, 127),
            Map.entry(488, 127), Map.entry(500, 41), Map.entry(501, 79), Map.entry(502, 38), Map.entry(503, 41),
            Map.entry(504, 102), Map.entry(505, 127), Map.entry(513, 127), Map.entry(600, 17), Map.entry(603, 21),
            Map.entry(604, 1), Map.entry(606, 58));

    private SipCauseMapping() {
    }

    /**
     * The SIP final status for a call cleared with Q.850 {@code cause} before answer.
     *
     * @param cause 1..127
     * @return a 4xx/5xx status
     * @throws IllegalArgumentException outside 1..127
     */
    public static int toSipStatus(int cause) {
        requireCause(cause);
        Integer mapped = Q850_TO_SIP.get(cause);
        if (mapped != null) {
            return mapped;
        }
        if (cause <= 31) {
            return 480;
        }
        if (cause <= 63) {
            return 503;
        }
        if (cause <= 79) {
            return 501;
        }
        return 500;
    }

    /**
     * The Q.850 cause for a SIP final failure response.
     *
     * @param status 400..699
     * @param reason the response's Reason header, if any: a Q.850 reason wins over the table
     */
    public static int toQ850(int status, Optional<Q850Reason> reason) {
        if (reason.isPresent()) {
            return reason.get().cause();
        }
        if (status < 400 || status > 699) {
            throw new IllegalArgumentException("not a failure status: " + status);
        }
        Integer mapped = SIP_TO_Q850.get(status);
        if (mapped != null) {
            return mapped;
        }
        return status < 500 ? 31 : status < 600 ? 41 : 31;
    }

    /**
     * The SIP status for a call engine cause; 0 and the IOS-internal causes above 127 map to 500.
     */
    public static int toSipStatus(Q850Cause cause) {
        return cause.value() >= 1 && cause.value() <= 127 ? toSipStatus(cause.value()) : 500;
    }

    /** {@link #toQ850(int, Optional)} as the call engine's cause type. */
    public static Q850Cause toCause(int status, Optional<Q850Reason> reason) {
        return Q850Cause.of(toQ850(status, reason));
    }

    static void requireCause(int cause) {
        if (cause < 1 || cause > 127) {
            throw new IllegalArgumentException("Q.850 cause out of range 1..127: " + cause);
        }
    }
}
