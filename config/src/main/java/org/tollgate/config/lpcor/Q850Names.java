package org.tollgate.config.lpcor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Q.850 cause names accepted by {@code voice lpcor call-block cause NAME} (IOS spelling, e.g.
 * {@code invalid-number} = 28). Numbers 1..180 are accepted as well. Printing uses the name when one
 * exists, as IOS does.
 */
public final class Q850Names {
    /** Smallest cause number accepted by {@code call-block cause}. */
    public static final int MIN = 1;
    /** Largest cause number accepted by {@code call-block cause}. */
    public static final int MAX = 180;

    private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();

    static {
        put("unassigned-number", 1);
        put("no-route", 3);
        put("channel-unacceptable", 6);
        put("normal-call-clearing", 16);
        put("user-busy", 17);
        put("no-user-response", 18);
        put("no-user-answer", 19);
        put("subscriber-absent", 20);
        put("call-reject", 21);
        put("number-changed", 22);
        put("non-selected-user-clearing", 26);
        put("destination-out-of-order", 27);
        put("invalid-number", 28);
        put("facility-rejected", 29);
        put("response-to-status-enquiry", 30);
        put("normal-unspecified", 31);
        put("no-circuit", 34);
        put("network-out-of-order", 38);
        put("temporary-failure", 41);
        put("switching-equipment-congestion", 42);
        put("access-info-discarded", 43);
        put("requested-vc-unavailable", 44);
        put("no-resource", 47);
        put("qos-unavailable", 49);
        put("facility-not-subscribed", 50);
        put("bearer-capability-not-authorized", 57);
        put("bearer-capability-not-available", 58);
        put("service-or-option-not-available", 63);
        put("bearer-capability-not-implemented", 65);
        put("channel-type-not-implemented", 66);
        put("facility-not-implemented", 69);
        put("restricted-digital-info", 70);
        put("service-or-option-not-implemented", 79);
        put("invalid-call-reference", 81);
        put("incompatible-destination", 88);
        put("invalid-message", 95);
        put("mandatory-ie-missing", 96);
        put("message-type-not-implemented", 97);
        put("message-not-compatible", 98);
        put("ie-not-implemented", 99);
        put("invalid-ie-contents", 100);
        put("message-in-wrong-state", 101);
        put("recovery-on-timer-expiry", 102);
        put("parameter-not-implemented", 103);
        put("protocol-error", 111);
        put("interworking", 127);
    }

    private Q850Names() {
    }

    private static void put(String name, int cause) {
        BY_NAME.put(name, cause);
    }

    /** The cause number for a name. */
    public static OptionalInt cause(String name) {
        Integer c = BY_NAME.get(name);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** The name of a cause number, if it has one. */
    public static Optional<String> name(int cause) {
        return BY_NAME.entrySet().stream().filter(e -> e.getValue() == cause).map(Map.Entry::getKey).findFirst();
    }

    /** Every name, in cause order. */
    public static Map<String, Integer> all() {
        return Map.copyOf(BY_NAME);
    }
}
