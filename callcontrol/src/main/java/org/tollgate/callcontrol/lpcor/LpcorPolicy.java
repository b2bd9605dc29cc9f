package org.tollgate.callcontrol.lpcor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code voice lpcor policy NAME}: the policy of destination group {@code group}, saying for each
 * source group whether calls from it are accepted, accepted after a valid FAC, or rejected
 * (FAC/LPCOR spec section 1).
 *
 * <p>Rules: an explicit line for the source wins ({@code accept G}, {@code accept G fac},
 * {@code no accept G}); with no line, calls from the policy's own group are accepted and calls from
 * every other group are rejected. {@code service fac} defaults to off.
 *
 * @param group the destination group this policy belongs to (its name)
 * @param serviceFac {@code service fac}: whether {@code accept G fac} lines demand a FAC
 * @param rules explicit per-source-group lines, keyed by group name, in configuration order
 */
public record LpcorPolicy(String group, boolean serviceFac, Map<String, LpcorAccess> rules) {
    public LpcorPolicy {
        Objects.requireNonNull(group, "group");
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** A policy with no {@code accept} lines and {@code no service fac}. */
    public static LpcorPolicy of(String group) {
        return new LpcorPolicy(group, false, Map.of());
    }

    /** This policy with {@code service fac} set as given. */
    public LpcorPolicy withServiceFac(boolean on) {
        return new LpcorPolicy(group, on, rules);
    }

    /** This policy with one more line for {@code source} (replacing an earlier line for it). */
    public LpcorPolicy with(String source, LpcorAccess access) {
        Map<String, LpcorAccess> m = new LinkedHashMap<>(rules);
        m.remove(source);
        m.put(source, access);
        return new LpcorPolicy(group, serviceFac, m);
    }

    /** The configured access for calls from {@code source}, applying the default rule. */
    public LpcorAccess configuredAccess(String source) {
        LpcorAccess explicit = rules.get(source);
        if (explicit != null) {
            return explicit;
        }
        return source.equals(group) ? LpcorAccess.ACCEPT : LpcorAccess.REJECT;
    }

    /**
     * The effective access: {@link LpcorAccess#ACCEPT_FAC} only with {@code service fac}; without it
     * a {@code fac}-gated line accepts plainly.
     */
    public LpcorAccess effectiveAccess(String source) {
        LpcorAccess a = configuredAccess(source);
        return a == LpcorAccess.ACCEPT_FAC && !serviceFac ? LpcorAccess.ACCEPT : a;
    }
}
