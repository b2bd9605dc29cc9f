package org.tollgate.callcontrol.leg;

import java.util.Optional;

import org.tollgate.callcontrol.media.AudioSink;

/**
 * The signaling side of one call leg (an analog voice-port, a SIP dialog). Call control calls
 * {@link #handle(LegCommand)} from the call's serial context; implementations must not block for
 * long (hand I/O off to their own threads). Events from the leg go back through the
 * {@link LegEvents} given when the leg was bound.
 */
public interface LegSignaling {
    /** Carries out one command. */
    void handle(LegCommand command);

    /**
     * Where to send audio for this leg's user, when the leg carries audio inside the gateway
     * (analog ports); empty for legs whose media flows elsewhere (SIP RTP).
     */
    default Optional<AudioSink> audioToUser() {
        return Optional.empty();
    }

    /** Connects this leg's user's audio to {@code peer} (both directions are wired by call control). */
    default void connectAudio(AudioSink peer) {
    }

    /**
     * Stops sending this leg's user's audio to its former peer (the leg is being moved to another
     * call, parked, or its user dials after a hook flash): analog ports feed the audio to their DTMF
     * detector again. SIP legs: nothing to do in the gateway (media goes where the next Connect says).
     */
    default void disconnectAudio() {
    }

    /**
     * The leg's media counters so far (RTP streams for SIP legs, 20 ms frames for analog ports);
     * read once when the call is released, for the {@code LegMedia} record event.
     */
    default Optional<org.tollgate.callcontrol.media.MediaCounters> counters() {
        return Optional.empty();
    }

    /**
     * The identity of this leg's user when the leg itself knows it (an analog port: its station
     * number and {@code lpcor incoming} group). Used when a feature makes the called party the caller
     * of a new call (a transfer by the caller, a consult from the called party); otherwise the
     * party is described from the dial-peer that reached it.
     */
    default Optional<org.tollgate.callcontrol.call.Caller> party() {
        return Optional.empty();
    }

    /**
     * The engine moved this live leg into the new call {@code call} made by a feature (transfer,
     * redirect, pickup, park retrieve or recall, parallel hunt, replace); {@code incoming}: the leg is
     * that call's incoming (caller) leg, else its attached called leg. Legs that act on their call
     * later (a SIP leg's REFER names the call it is in) remember it. Called in the new call's context
     * before the call starts. Default: nothing.
     */
    default void joined(org.tollgate.callcontrol.call.CallRef call, boolean incoming) {
    }

    /** A short description for logs and {@code show} output ({@code 0/1/0}, {@code sip:1000@10.0.0.1}). */
    String describe();
}
