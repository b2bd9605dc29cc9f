package org.tollgate.config.lpcor;

import java.util.List;
import java.util.Optional;

/**
 * {@code voice lpcor policy NAME}: the policy of destination group NAME.
 *
 * <p>Semantics (FAC/LPCOR spec section 1): a source group without a rule is rejected, except the
 * policy's own group, which is accepted unless a {@code no accept} rule names it. Deciding is the
 * call-control module's job; this record only holds the rules.
 *
 * @param name the destination group's name
 * @param serviceFac {@code service fac} (default {@code no service fac})
 * @param rules rules in configuration order, at most one per source group
 */
public record LpcorPolicy(String name, boolean serviceFac, List<PolicyRule> rules) {
    public LpcorPolicy {
        rules = List.copyOf(rules);
    }

    /** The explicit rule for a source group, if any. */
    public Optional<PolicyRule> rule(String sourceGroup) {
        return rules.stream().filter(r -> r.sourceGroup().equals(sourceGroup)).findFirst();
    }

    public LpcorPolicy withServiceFac(boolean v) {
        return new LpcorPolicy(name, v, rules);
    }

    public LpcorPolicy withRules(List<PolicyRule> v) {
        return new LpcorPolicy(name, serviceFac, v);
    }
}
