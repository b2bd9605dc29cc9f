package org.tollgate.callcontrol.call;

import java.time.Duration;

import org.tollgate.callcontrol.auth.AuthorizationRequest;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.OutgoingLegRequest;
import org.tollgate.callcontrol.record.CallRecordEvent;

/** Effects the call engine carries out, in order, after a transition. */
public sealed interface Action {
    /** Send {@code command} to leg {@code leg}. */
    record Send(LegId leg, LegCommand command) implements Action {
    }

    /** Create an outgoing leg (the engine then sends it {@link LegCommand.Offer}); failure comes back as {@link CallEvent.LegReleased}. */
    record CreateLeg(OutgoingLegRequest request) implements Action {
    }

    /** (Re)start {@code timer}; a running one is replaced. */
    record StartTimer(CallTimer timer, Duration after) implements Action {
    }

    record CancelTimer(CallTimer timer) implements Action {
    }

    /** Start authorization step {@code seq}; its result comes back as {@link CallEvent.AuthorizationDone}. */
    record Authorize(int seq, AuthorizationRequest request) implements Action {
    }

    /** Hand caller digits to the running authorization step's digit source. */
    record ForwardDigits(String digits) implements Action {
    }

    /** Abandon the running authorization step (caller hung up). */
    record CancelAuthorization() implements Action {
    }

    /** Emit a record event to the {@code CallRecordSink}. */
    record Emit(CallRecordEvent event) implements Action {
    }

    /** Disconnect leg {@code leg}'s in-gateway audio from its peer (its audio goes to the DTMF detector again). */
    record Unbridge(LegId leg) implements Action {
    }

    /** Carry out a feature code / feature number for this call (result: {@link CallEvent.FeatureDone}). */
    record RequestFeature(org.tollgate.callcontrol.feature.FeatureRequest request) implements Action {
    }

    /** Blind-transfer the party of leg {@code transferee} to {@code number} for {@code transferor} (hook flash). */
    record BlindTransfer(LegId transferor, LegId transferee, String number) implements Action {
    }

    /**
     * Consult call from {@code consulter} (hook flash, {@code transfer-system full-consult}) to
     * {@code number} while the party of {@code held} waits; see {@code FeatureService}.
     */
    record Consult(LegId consulter, LegId held, String number) implements Action {
    }

    /** Park the party of leg {@code parked} for {@code parker} (hook flash + park code). */
    record Park(LegId parker, LegId parked) implements Action {
    }

    /** Emit a feature record event to the {@code FeatureRecordSink}. */
    record EmitFeature(org.tollgate.callcontrol.record.FeatureRecordEvent event) implements Action {
    }
}
