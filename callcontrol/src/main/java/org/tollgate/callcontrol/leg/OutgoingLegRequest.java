package org.tollgate.callcontrol.leg;

import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.routing.DialPeer;

/** A request to create the outgoing leg {@code leg} towards {@code peer}. */
public record OutgoingLegRequest(LegId leg, DialPeer peer, String calledNumber, String callingNumber,
                                 String callingName) {
}
