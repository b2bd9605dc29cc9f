package org.tollgate.callcontrol.lpcor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * The whole LPCOR configuration: {@code voice lpcor enable}, the {@code voice lpcor custom} groups,
 * the policies and {@code voice lpcor call-block cause} (default {@link Q850Cause#SERVICE_NOT_AVAILABLE} 63).
 *
 * <h2>Which side each group applies to</h2>
 * As in Cisco CME, an endpoint's {@code lpcor incoming G} is the group of calls <em>coming from</em>
 * it into the gateway (the caller side); its {@code lpcor outgoing G} is the group whose policy
 * applies to calls the gateway sends <em>to</em> it (the callee side). A call is checked with
 * {@link #decide(Optional, Optional)}: the caller's incoming group against the policy of the
 * callee's outgoing group.
 *
 * <h2>Rules (FAC/LPCOR spec section 1; CME "Default LPCOR policy")</h2>
 * <ol>
 * <li>LPCOR not enabled: everything accepted.</li>
 * <li>Caller or callee without a group: accepted (no restriction, the CME default policy).</li>
 * <li>Callee's group has no policy: accepted.</li>
 * <li>Otherwise the policy's {@link LpcorPolicy#effectiveAccess(String)} for the caller's group.</li>
 * </ol>
 */
public record LpcorTable(boolean enabled, List<LpcorGroup> groups, Map<String, LpcorPolicy> policies,
                         Q850Cause callBlockCause) {
    /** Default {@code voice lpcor call-block cause}: 63. */
    public static final Q850Cause DEFAULT_CALL_BLOCK_CAUSE = Q850Cause.SERVICE_NOT_AVAILABLE;

    public LpcorTable {
        Objects.requireNonNull(callBlockCause, "callBlockCause");
        List<LpcorGroup> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingInt(LpcorGroup::number));
        groups = List.copyOf(sorted);
        policies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    }

    /** LPCOR disabled, no groups, no policies, cause 63. */
    public static LpcorTable disabled() {
        return new LpcorTable(false, List.of(), Map.of(), DEFAULT_CALL_BLOCK_CAUSE);
    }

    /** The group named {@code name}. */
    public Optional<LpcorGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The policy of destination group {@code name}. */
    public Optional<LpcorPolicy> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /**
     * Checks a call from a caller whose {@code lpcor incoming} group is {@code callerIncoming} to a
     * callee whose {@code lpcor outgoing} group is {@code calleeOutgoing}.
     */
    public LpcorDecision decide(Optional<String> callerIncoming, Optional<String> calleeOutgoing) {
        if (!enabled) {
            return new LpcorDecision.Accept("lpcor not enabled");
        }
        if (callerIncoming.isEmpty() || calleeOutgoing.isEmpty()) {
            return new LpcorDecision.Accept("no lpcor group on "
                    + (callerIncoming.isEmpty() ? "caller" : "callee"));
        }
        LpcorPolicy p = policies.get(calleeOutgoing.get());
        if (p == null) {
            return new LpcorDecision.Accept("no policy for " + calleeOutgoing.get());
        }
        return switch (p.effectiveAccess(callerIncoming.get())) {
            case ACCEPT -> new LpcorDecision.Accept("policy " + p.group() + " accepts " + callerIncoming.get());
            case ACCEPT_FAC -> new LpcorDecision.RequireFac(p.group());
            case REJECT -> new LpcorDecision.Reject(p.group(), callBlockCause);
        };
    }
}
