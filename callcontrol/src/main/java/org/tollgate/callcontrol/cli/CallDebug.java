package org.tollgate.callcontrol.cli;

import java.util.Objects;

import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.config.cli.DebugBus;

/**
 * {@code debug voice ccapi} and {@code debug voice lpcor}: turns call record events into debug
 * lines on the CLI's {@link DebugBus} (only when someone enabled the category). Add it next to the
 * CDR sink with {@link CallRecordSink#all}.
 */
public final class CallDebug implements CallRecordSink, org.tollgate.callcontrol.record.FeatureRecordSink {
    /** Every call event. */
    public static final String CCAPI = "voice ccapi";
    /** LPCOR decisions and FAC steps. */
    public static final String LPCOR = "voice lpcor";

    private final DebugBus bus;

    public CallDebug(DebugBus bus) {
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    @Override
    public void accept(CallRecordEvent event) {
        if (bus.isEnabled(CCAPI)) {
            bus.emit(CCAPI, ccapi(event));
        }
        if (bus.isEnabled(LPCOR)) {
            lpcor(event).ifPresent(line -> bus.emit(LPCOR, line));
        }
    }

    /** Feature events under {@code debug voice ccapi}, e.g. {@code //call-4/ccapi: feature BXFER 1001 to 1003 by 1002}. */
    @Override
    public void accept(org.tollgate.callcontrol.record.FeatureRecordEvent event) {
        if (bus.isEnabled(CCAPI)) {
            bus.emit(CCAPI, feature(event));
        }
    }

    static String feature(org.tollgate.callcontrol.record.FeatureRecordEvent e) {
        String head = "//" + e.call() + "/ccapi: feature " + e.featureName() + " ";
        return head + switch (e) {
            case org.tollgate.callcontrol.record.FeatureRecordEvent.Forwarded f ->
                    f.callingNumber() + " forwarded from " + f.fromNumber() + " to " + f.toNumber();
            case org.tollgate.callcontrol.record.FeatureRecordEvent.Transferred t ->
                    t.transfereeNumber() + " to " + t.targetNumber() + " by " + t.transferorNumber() + " (from " + t.from()
                            + t.consult().map(c -> ", consult " + c).orElse("") + ")";
            case org.tollgate.callcontrol.record.FeatureRecordEvent.ConferenceJoined j ->
                    j.partyNumber() + " joined " + j.conferenceId() + " (" + j.parties() + " parties)";
            case org.tollgate.callcontrol.record.FeatureRecordEvent.ConferenceLeft l ->
                    l.partyNumber() + " left " + l.conferenceId() + " (" + l.parties() + " parties)";
            case org.tollgate.callcontrol.record.FeatureRecordEvent.Parked p ->
                    p.parkedNumber() + " parked in slot " + p.slot() + " by " + p.parkerNumber();
            case org.tollgate.callcontrol.record.FeatureRecordEvent.Retrieved r ->
                    "slot " + r.slot() + " retrieved by " + r.retrieverNumber() + " (from " + r.from() + ")";
            case org.tollgate.callcontrol.record.FeatureRecordEvent.Recalled r ->
                    "slot " + r.slot() + " recalled to " + r.toNumber() + " (from " + r.from() + ")";
            case org.tollgate.callcontrol.record.FeatureRecordEvent.PickedUp p ->
                    p.pickerNumber() + " picked up the call ringing at " + p.ringingNumber() + " (from " + p.from() + ")";
        };
    }

    /** One line per event, e.g. {@code //call-3/ccapi: released, cause 63 (3F) by GATEWAY}. */
    static String ccapi(CallRecordEvent e) {
        String head = "//" + e.call() + "/ccapi: ";
        return head + switch (e) {
            case CallRecordEvent.Setup s -> "setup from " + s.endpoint() + " (" + s.callingNumber() + ")"
                    + (s.calledNumber().isEmpty() ? "" : " to " + s.calledNumber());
            case CallRecordEvent.DigitsCollected d -> "digits " + d.calledNumber() + ", dial-peers " + d.candidateTags();
            case CallRecordEvent.Routed r -> "routed via dial-peer " + r.dialPeerTag() + " (" + r.target() + ") on "
                    + r.leg();
            case CallRecordEvent.AttemptFailed f -> "dial-peer " + f.dialPeerTag() + " failed: " + f.reason()
                    + ", cause " + f.cause().value() + " (" + f.cause().hex() + ")";
            case CallRecordEvent.AuthorizationStarted a -> "FAC required for dial-peer " + a.dialPeerTag();
            case CallRecordEvent.FacResult f -> "FAC " + f.status() + (f.facDigits().isEmpty() ? "" : " code " + f.facDigits());
            case CallRecordEvent.Alerting a -> "alerting on " + a.leg();
            case CallRecordEvent.Connected c -> "connected " + c.incoming() + " <-> " + c.outgoing() + " via dial-peer "
                    + c.dialPeerTag();
            case CallRecordEvent.Released r -> "released, cause " + r.cause().value() + " (" + r.cause().hex() + ") by "
                    + r.source();
        };
    }

    static java.util.Optional<String> lpcor(CallRecordEvent e) {
        String head = "//" + e.call() + "/lpcor: ";
        return switch (e) {
            case CallRecordEvent.Routed r -> java.util.Optional.of(head + r.lpcorIn().orElse("(none)") + " -> "
                    + r.lpcorOut().orElse("(none)") + ": accepted, dial-peer " + r.dialPeerTag());
            case CallRecordEvent.AttemptFailed f when f.reason().startsWith("lpcor") ->
                    java.util.Optional.of(head + f.reason() + ", dial-peer " + f.dialPeerTag());
            case CallRecordEvent.AuthorizationStarted a -> java.util.Optional.of(head + "policy " + a.policy()
                    + " requires a FAC, dial-peer " + a.dialPeerTag());
            case CallRecordEvent.FacResult f -> java.util.Optional.of(head + "FAC " + f.status());
            default -> java.util.Optional.empty();
        };
    }
}
