package org.tollgate.callcontrol.feature;

import java.util.Optional;

import org.tollgate.callcontrol.feature.forward.ForwardKind;

/**
 * What a caller asked for by dialling a feature code or a feature number instead of a
 * destination ({@link FeatureCodes}). None of them invokes FAC (spec section 6).
 */
public sealed interface FeatureRequest {
    /** Set the caller's own {@code kind} forward to {@code target} (CFA/CFB/CFNA on). */
    record SetForward(ForwardKind kind, String target) implements FeatureRequest {
    }

    /** Clear the caller's {@code kind} forward, or every kind when empty. */
    record ClearForward(Optional<ForwardKind> kind) implements FeatureRequest {
    }

    /** Group pickup: answer a call ringing in the caller's pickup group, or in {@code group} when given. */
    record GroupPickup(Optional<String> group) implements FeatureRequest {
    }

    /** Directed pickup: answer the call ringing at {@code number}. */
    record DirectedPickup(String number) implements FeatureRequest {
    }

    /** Retrieve the call parked in slot {@code slot}. */
    record Retrieve(String slot) implements FeatureRequest {
    }

    /** Ring the members of the parallel hunt group with pilot {@code pilot}. */
    record ParallelHunt(String pilot) implements FeatureRequest {
    }

    /** Ring directory number {@code number} and its single-number-reach remote number. */
    record SingleNumberReach(String number) implements FeatureRequest {
    }

    /** An intercom call from the caller's intercom line to {@code number} (auto-answered, FAC-exempt). */
    record Intercom(String number) implements FeatureRequest {
    }

    /** Join the meet-me conference on {@code number}. */
    record MeetMe(String number) implements FeatureRequest {
    }
}
