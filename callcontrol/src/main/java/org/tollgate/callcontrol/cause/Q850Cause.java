package org.tollgate.callcontrol.cause;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A disconnect cause value (ITU-T Q.850 section 2.2.5 / table 1), as carried by a released call.
 *
 * <p>Values range 0..180: 0..127 are Q.850 causes; IOS lets {@code voice lpcor call-block cause}
 * take up to 180 (its own internal codes above 127), so those are representable too. Known values
 * have an IOS keyword ({@code invalid-number}) and a Q.850 text; {@link #hex()} is the form IOS
 * prints in CLI output, syslog and RADIUS ({@code 3F} for 63, {@code 10} for 16).
 *
 * <p>Expected outcomes are never exceptions here: {@link #parse(String)} returns an empty
 * {@link Optional} for an unknown keyword or an out-of-range number.
 */
public record Q850Cause(int value) implements Comparable<Q850Cause> {
    /** Smallest accepted value. */
    public static final int MIN = 0;
    /** Largest accepted value (IOS {@code voice lpcor call-block cause <1-180>}). */
    public static final int MAX = 180;

    public static final Q850Cause UNALLOCATED_NUMBER = new Q850Cause(1);
    public static final Q850Cause NO_ROUTE_TO_DESTINATION = new Q850Cause(3);
    public static final Q850Cause NORMAL_CALL_CLEARING = new Q850Cause(16);
    public static final Q850Cause USER_BUSY = new Q850Cause(17);
    public static final Q850Cause NO_USER_RESPONDING = new Q850Cause(18);
    public static final Q850Cause NO_ANSWER = new Q850Cause(19);
    public static final Q850Cause CALL_REJECTED = new Q850Cause(21);
    public static final Q850Cause NUMBER_CHANGED = new Q850Cause(22);
    public static final Q850Cause DESTINATION_OUT_OF_ORDER = new Q850Cause(27);
    public static final Q850Cause INVALID_NUMBER_FORMAT = new Q850Cause(28);
    public static final Q850Cause NORMAL_UNSPECIFIED = new Q850Cause(31);
    public static final Q850Cause NO_CIRCUIT_AVAILABLE = new Q850Cause(34);
    public static final Q850Cause NETWORK_OUT_OF_ORDER = new Q850Cause(38);
    public static final Q850Cause TEMPORARY_FAILURE = new Q850Cause(41);
    public static final Q850Cause SWITCHING_EQUIPMENT_CONGESTION = new Q850Cause(42);
    public static final Q850Cause RESOURCE_UNAVAILABLE = new Q850Cause(47);
    /** 63, the default {@code voice lpcor call-block cause}. */
    public static final Q850Cause SERVICE_NOT_AVAILABLE = new Q850Cause(63);
    public static final Q850Cause RECOVERY_ON_TIMER_EXPIRY = new Q850Cause(102);
    public static final Q850Cause INTERWORKING = new Q850Cause(127);

    private record Known(String keyword, String text) {
    }

    private static final Map<Integer, Known> KNOWN = new TreeMap<>(Map.ofEntries(
            Map.entry(1, new Known("unassigned-number", "unassigned (unallocated) number")),
            Map.entry(2, new Known("no-route-transit-net", "no route to specified transit network")),
            Map.entry(3, new Known("no-route", "no route to destination")),
            Map.entry(6, new Known("channel-unacceptable", "channel unacceptable")),
            Map.entry(16, new Known("normal-call-clearing", "normal call clearing")),
            Map.entry(17, new Known("user-busy", "user busy")),
            Map.entry(18, new Known("no-user-responding", "no user responding")),
            Map.entry(19, new Known("no-user-answer", "no answer from user (user alerted)")),
            Map.entry(20, new Known("subscriber-absent", "subscriber absent")),
            Map.entry(21, new Known("call-reject", "call rejected")),
            Map.entry(22, new Known("number-changed", "number changed")),
            Map.entry(27, new Known("dest-out-of-order", "destination out of order")),
            Map.entry(28, new Known("invalid-number", "invalid number format (incomplete number)")),
            Map.entry(29, new Known("facility-rejected", "facility rejected")),
            Map.entry(31, new Known("normal-unspecified", "normal, unspecified")),
            Map.entry(34, new Known("no-circuit", "no circuit/channel available")),
            Map.entry(38, new Known("network-out-of-order", "network out of order")),
            Map.entry(41, new Known("temporary-failure", "temporary failure")),
            Map.entry(42, new Known("switching-equipment-congestion", "switching equipment congestion")),
            Map.entry(44, new Known("no-req-circuit", "requested circuit/channel not available")),
            Map.entry(47, new Known("no-resource", "resource unavailable, unspecified")),
            Map.entry(57, new Known("bearer-capability-not-authorized", "bearer capability not authorized")),
            Map.entry(58, new Known("bearer-capability-not-available", "bearer capability not presently available")),
            Map.entry(63, new Known("no-service", "service or option not available, unspecified")),
            Map.entry(65, new Known("bearer-capability-not-implemented", "bearer capability not implemented")),
            Map.entry(79, new Known("service-not-implemented", "service or option not implemented, unspecified")),
            Map.entry(88, new Known("incompatible-destination", "incompatible destination")),
            Map.entry(102, new Known("recovery-on-timer-expiry", "recovery on timer expiry")),
            Map.entry(111, new Known("protocol-error", "protocol error, unspecified")),
            Map.entry(127, new Known("interworking", "interworking, unspecified"))));

    public Q850Cause {
        if (value < MIN || value > MAX) {
            throw new IllegalArgumentException("cause value " + value + " outside " + MIN + ".." + MAX);
        }
    }

    /** The cause with this value. */
    public static Q850Cause of(int value) {
        return new Q850Cause(value);
    }

    /**
     * Parses an IOS cause argument: a decimal number 0..180 or a keyword such as
     * {@code invalid-number} (case-insensitive). Empty for anything else.
     */
    public static Optional<Q850Cause> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && t.length() <= 3) {
            int v = Integer.parseInt(t);
            return v >= MIN && v <= MAX ? Optional.of(new Q850Cause(v)) : Optional.empty();
        }
        return KNOWN.entrySet().stream()
                .filter(e -> e.getValue().keyword().equals(t))
                .map(e -> new Q850Cause(e.getKey()))
                .findFirst();
    }

    /** Upper-case hexadecimal without padding, as IOS prints causes: 63 → {@code 3F}, 16 → {@code 10}. */
    public String hex() {
        return Integer.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /** The Q.850 description, or {@code "cause N"} for an unlisted value. */
    public String text() {
        Known k = KNOWN.get(value);
        return k == null ? "cause " + value : k.text();
    }

    /** The IOS keyword for this cause, if it has one. */
    public Optional<String> keyword() {
        return Optional.ofNullable(KNOWN.get(value)).map(Known::keyword);
    }

    /** IOS {@code DisconnectText} form: {@code normal call clearing (16)}. */
    public String describe() {
        return text() + " (" + value + ")";
    }

    @Override
    public int compareTo(Q850Cause o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return describe();
    }
}
