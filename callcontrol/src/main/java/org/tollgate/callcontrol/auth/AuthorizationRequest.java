package org.tollgate.callcontrol.auth;

import java.util.Optional;

import org.tollgate.callcontrol.call.CallRef;

/**
 * Why a FAC is asked: the call {@code call} from {@code callingNumber} (LPCOR group
 * {@code callerGroup}) to {@code calledNumber} through dial-peer {@code dialPeerTag}, whose
 * destination group's policy {@code policy} has {@code accept <callerGroup> fac}.
 */
public record AuthorizationRequest(CallRef call, String callingNumber, String calledNumber, int dialPeerTag,
                                   String policy, Optional<String> callerGroup) {
}
