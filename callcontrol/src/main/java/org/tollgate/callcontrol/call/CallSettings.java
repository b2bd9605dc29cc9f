package org.tollgate.callcontrol.call;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.feature.FeatureSettings;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.callcontrol.routing.DialPlan;

/**
 * The configuration slice the call state machine reads; immutable, swapped as a whole on a
 * configuration change (calls keep the settings they started with).
 *
 * @param dialPlan outbound dial-peers
 * @param lpcor LPCOR groups, policies, call-block cause
 * @param portOutgoingGroups {@code lpcor outgoing} of each voice-port, used for a pots peer
 *        without its own {@code lpcor outgoing}
 * @param interdigit {@code timeouts interdigit}, default {@link #DEFAULT_INTERDIGIT} (10 s)
 * @param ringNoAnswer {@code timeouts ringing}, default {@link #DEFAULT_RING_NO_ANSWER} (180 s)
 * @param huntStopCauses causes after which hunting stops even without {@code huntstop}
 *        (default {@link #DEFAULT_HUNT_STOP_CAUSES}: the number itself is wrong)
 * @param features call-forward, pickup, park and meet-me settings (default {@link FeatureSettings#NONE})
 */
public record CallSettings(DialPlan dialPlan, LpcorTable lpcor, Map<String, String> portOutgoingGroups,
                           Duration interdigit, Duration ringNoAnswer, Set<Q850Cause> huntStopCauses,
                           FeatureSettings features) {
    public static final Duration DEFAULT_INTERDIGIT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RING_NO_ANSWER = Duration.ofSeconds(180);
    /** Unallocated number (1), number changed (22), invalid number format (28). */
    public static final Set<Q850Cause> DEFAULT_HUNT_STOP_CAUSES = Set.of(
            Q850Cause.UNALLOCATED_NUMBER, Q850Cause.NUMBER_CHANGED, Q850Cause.INVALID_NUMBER_FORMAT);

    public CallSettings {
        Objects.requireNonNull(dialPlan, "dialPlan");
        Objects.requireNonNull(lpcor, "lpcor");
        portOutgoingGroups = Map.copyOf(portOutgoingGroups);
        Objects.requireNonNull(interdigit, "interdigit");
        Objects.requireNonNull(ringNoAnswer, "ringNoAnswer");
        huntStopCauses = Set.copyOf(huntStopCauses);
        Objects.requireNonNull(features, "features");
    }

    /** Without call features. */
    public CallSettings(DialPlan dialPlan, LpcorTable lpcor, Map<String, String> portOutgoingGroups,
                        Duration interdigit, Duration ringNoAnswer, Set<Q850Cause> huntStopCauses) {
        this(dialPlan, lpcor, portOutgoingGroups, interdigit, ringNoAnswer, huntStopCauses, FeatureSettings.NONE);
    }

    public CallSettings withFeatures(FeatureSettings f) {
        return new CallSettings(dialPlan, lpcor, portOutgoingGroups, interdigit, ringNoAnswer, huntStopCauses, f);
    }

    /** Defaults around the given dial plan and LPCOR table. */
    public static CallSettings of(DialPlan plan, LpcorTable lpcor) {
        return new CallSettings(plan, lpcor, Map.of(), DEFAULT_INTERDIGIT, DEFAULT_RING_NO_ANSWER,
                DEFAULT_HUNT_STOP_CAUSES);
    }

    public CallSettings withPortOutgoingGroups(Map<String, String> groups) {
        return new CallSettings(dialPlan, lpcor, groups, interdigit, ringNoAnswer, huntStopCauses, features);
    }

    public CallSettings withInterdigit(Duration d) {
        return new CallSettings(dialPlan, lpcor, portOutgoingGroups, d, ringNoAnswer, huntStopCauses, features);
    }

    public CallSettings withRingNoAnswer(Duration d) {
        return new CallSettings(dialPlan, lpcor, portOutgoingGroups, interdigit, d, huntStopCauses, features);
    }

    /**
     * The callee's {@code lpcor outgoing} group for a call through {@code peer}: the peer's own
     * setting, else (pots) its port's.
     */
    public Optional<String> calleeGroup(DialPeer peer) {
        if (peer.lpcorOutgoing().isPresent()) {
            return peer.lpcorOutgoing();
        }
        return switch (peer.target()) {
            case DialPeerTarget.Pots p -> Optional.ofNullable(portOutgoingGroups.get(p.port()));
            case DialPeerTarget.Voip v -> Optional.empty();
            case DialPeerTarget.Line l -> Optional.empty();
        };
    }
}
