package org.tollgate.callcontrol.engine;

import java.time.Instant;
import java.util.Optional;

import org.tollgate.callcontrol.call.CallRef;

/**
 * A read-only snapshot of one live call for {@code show} commands.
 *
 * @param state the state's simple name ({@code CollectingDigits}, {@code Connected} ...)
 * @param dialPeerTag the dial-peer being tried or connected, if any
 */
public record CallView(CallRef ref, String state, String callerEndpoint, String callingNumber,
                       String calledNumber, Optional<Integer> dialPeerTag, Instant setupAt) {
}
