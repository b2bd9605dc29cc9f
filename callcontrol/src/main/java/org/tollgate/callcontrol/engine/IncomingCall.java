package org.tollgate.callcontrol.engine;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.leg.LegEvents;

/** A call started by {@link CallControl#startCall}: its id and where its incoming leg reports events. */
public record IncomingCall(CallRef ref, LegEvents events) {
}
