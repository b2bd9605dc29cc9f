package org.tollgate.callcontrol.record;

import java.time.Instant;
import java.util.Optional;

import org.tollgate.callcontrol.call.CallRef;

/**
 * Supplementary-service facts for the feature record (IOS {@code feature_vsa} /
 * {@code VOIP_FEAT_HISTORY}): forward, transfer, conference, park, pickup. A sibling of
 * {@link CallRecordEvent} (kept apart so existing folders of call events stay exhaustive); emitted
 * from the call's serial context like those, in order with them per call, to a
 * {@link FeatureRecordSink}.
 *
 * <p>{@code call} is the call the event belongs to (for a transfer or pickup: the <em>new</em>
 * call that joins the parties; {@code from} names the call(s) whose legs it took over).
 */
public sealed interface FeatureRecordEvent {
    CallRef call();

    Instant at();

    /** IOS {@code feature_vsa} feature name ({@code CFA}, {@code CFBY}, {@code CFNA}, {@code BXFER} ...). */
    String featureName();

    /** Call {@code call} to {@code fromNumber} was forwarded to {@code toNumber} ({@code kind}: all/busy/noan/redirect). */
    record Forwarded(CallRef call, Instant at, String kind, String fromNumber, String toNumber, String callingNumber)
            implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return switch (kind) {
                case "all" -> "CFA";
                case "busy" -> "CFBY";
                case "noan" -> "CFNA";
                default -> "CFRD";
            };
        }
    }

    /**
     * Transfer: {@code transferee} was sent to {@code target} by {@code transferor}. {@code blind}:
     * the target is dialled for the transferee (FAC asked from the transferee); otherwise the
     * transferor's consult call {@code consult} is joined (no FAC). {@code from} is the original call.
     */
    record Transferred(CallRef call, Instant at, boolean blind, String transferorNumber, String transfereeNumber,
                       String targetNumber, CallRef from, Optional<CallRef> consult) implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return blind ? "BXFER" : "CXFER";
        }
    }

    /** {@code partyNumber} joined conference {@code conferenceId} ({@code meetMe}: by dialling its number). */
    record ConferenceJoined(CallRef call, Instant at, String conferenceId, String partyNumber, boolean meetMe,
                            int parties) implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return meetMe ? "MEETME" : "CONF";
        }
    }

    /**
     * {@code partyNumber} left conference {@code conferenceId}; {@code parties} remain. A meet-me
     * conference's id is {@value #MEET_ME_ID_PREFIX}{@code NUMBER} (an ad-hoc one's {@code conf-N}),
     * so leaving it is named {@code MEETME} like joining it.
     */
    record ConferenceLeft(CallRef call, Instant at, String conferenceId, String partyNumber, int parties)
            implements FeatureRecordEvent {
        /** The id prefix of meet-me conferences ({@code FeatureService} names them so). */
        public static final String MEET_ME_ID_PREFIX = "meetme-";

        @Override
        public String featureName() {
            return conferenceId.startsWith(MEET_ME_ID_PREFIX) ? "MEETME" : "CONF";
        }
    }

    /** {@code parkedNumber} was parked in {@code slot} by {@code parkerNumber} (call {@code call} ends for the parker). */
    record Parked(CallRef call, Instant at, String slot, String parkedNumber, String parkerNumber)
            implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return "PARK";
        }
    }

    /** {@code retrieverNumber} retrieved the call parked in {@code slot} (parked from call {@code from}); no FAC. */
    record Retrieved(CallRef call, Instant at, String slot, String retrieverNumber, CallRef from)
            implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return "PARKRET";
        }
    }

    /** The call parked in {@code slot} timed out and was recalled to {@code toNumber}; no FAC. */
    record Recalled(CallRef call, Instant at, String slot, String toNumber, CallRef from) implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return "PARKREC";
        }
    }

    /** {@code pickerNumber} answered call {@code from} that was ringing at {@code ringingNumber}; no FAC. */
    record PickedUp(CallRef call, Instant at, String pickerNumber, String ringingNumber, boolean directed,
                    CallRef from) implements FeatureRecordEvent {
        @Override
        public String featureName() {
            return directed ? "DPICKUP" : "GPICKUP";
        }
    }
}
