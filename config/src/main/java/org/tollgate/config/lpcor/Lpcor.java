package org.tollgate.config.lpcor;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The LPCOR configuration: {@code voice lpcor enable}, {@code voice lpcor call-block cause},
 * {@code voice lpcor custom} groups and {@code voice lpcor policy} blocks.
 *
 * @param enabled {@code voice lpcor enable}
 * @param callBlockCause Q.850 cause 1..180 used when LPCOR or FAC blocks a call, default 63
 * @param groups custom groups, sorted by number
 * @param policies policies in configuration order
 */
public record Lpcor(boolean enabled, int callBlockCause, List<LpcorGroup> groups, List<LpcorPolicy> policies) {
    /** Q.850 63, "service or option not available, unspecified". */
    public static final int DEFAULT_CALL_BLOCK_CAUSE = 63;
    public static final Lpcor DEFAULT = new Lpcor(false, DEFAULT_CALL_BLOCK_CAUSE, List.of(), List.of());

    public Lpcor {
        groups = groups.stream().sorted(Comparator.comparingInt(LpcorGroup::number)).toList();
        policies = List.copyOf(policies);
    }

    /** The group with this name. */
    public Optional<LpcorGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The group with this number. */
    public Optional<LpcorGroup> group(int number) {
        return groups.stream().filter(g -> g.number() == number).findFirst();
    }

    /** The policy of the destination group with this name. */
    public Optional<LpcorPolicy> policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Lpcor withEnabled(boolean v) {
        return new Lpcor(v, callBlockCause, groups, policies);
    }

    public Lpcor withCallBlockCause(int v) {
        return new Lpcor(enabled, v, groups, policies);
    }

    public Lpcor withGroups(List<LpcorGroup> v) {
        return new Lpcor(enabled, callBlockCause, v, policies);
    }

    public Lpcor withPolicies(List<LpcorPolicy> v) {
        return new Lpcor(enabled, callBlockCause, groups, v);
    }
}
