package org.tollgate.callcontrol.engine;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.feature.FeatureRequest;

/**
 * Carries out the feature actions a call's state machine asks for (feature codes and numbers,
 * hook-flash transfer and park). Implemented by {@code feature.FeatureService}. Called from the
 * call's serial context: must not block; results go back as events to the call.
 */
public interface FeatureHandler {
    /** {@code caller} of {@code call} dialled a feature code / feature number. */
    void request(CallRef call, Caller caller, FeatureRequest request);

    /** {@code transferor} pressed flash and dialled {@code number}: send the party of {@code transferee} there. */
    void blindTransfer(CallRef call, LegId transferor, LegId transferee, String number);

    /**
     * {@code consulter} pressed flash and dialled {@code number} ({@code transfer-system full-consult}):
     * a consult call from it while the party of {@code held} waits.
     */
    void consult(CallRef call, LegId consulter, LegId held, String number);

    /** {@code parker} pressed flash and the park code: park the party of {@code parked}. */
    void park(CallRef call, LegId parker, LegId parked);
}
