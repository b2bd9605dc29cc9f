package org.tollgate.callcontrol.leg;

import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;

/** What call control tells a leg's signaling side to do. */
public sealed interface LegCommand {
    /** Play a call-progress tone to the leg's user until another tone, a connect or a release. */
    record PlayTone(Tone tone) implements LegCommand {
    }

    /** Play an IVR prompt ({@code flash:NAME.au}) to the leg's user; stops any tone. */
    record PlayPrompt(String promptUrl) implements LegCommand {
    }

    /** Stop any tone or prompt. */
    record StopTone() implements LegCommand {
    }

    /**
     * Outgoing legs: offer the call (ring the phone, send INVITE). {@code callingNumber} /
     * {@code callingName} may be empty. {@code autoAnswer}: an intercom call (CME {@code intercom}),
     * which the phone answers by itself when it can (an analog port whose driver supports it answers
     * at once and sends its audio only once its user speaks); a leg that cannot auto-answer rings.
     */
    record Offer(String calledNumber, String callingNumber, String callingName, boolean autoAnswer)
            implements LegCommand {
        /** An ordinary offer (rings). */
        public Offer(String calledNumber, String callingNumber, String callingName) {
            this(calledNumber, callingNumber, callingName, false);
        }
    }

    /**
     * The call is connected to {@code peer}: the incoming leg answers (SIP 200) and media flows
     * between the two legs.
     */
    record Connect(LegId peer) implements LegCommand {
    }

    /** DTMF digits from the other leg (relay), while connected. */
    record SendDigits(String digits) implements LegCommand {
    }

    /** Release the leg with {@code cause} (on-hook/BYE/4xx-6xx at the edge). */
    record Release(Q850Cause cause) implements LegCommand {
    }
}
