package org.tollgate.callcontrol.feature;

import java.util.Optional;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;

/** The result of a feature request (transfer, park, pickup, conference ...). */
public sealed interface FeatureOutcome {
    /** Carried out; {@code call} is the new call joining the parties, when one was started. */
    record Done(Optional<CallRef> call) implements FeatureOutcome {
    }

    /** Not carried out, nothing changed (or the legs involved were released with {@code cause}). */
    record Refused(Q850Cause cause, String reason) implements FeatureOutcome {
    }
}
