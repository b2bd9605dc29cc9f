package org.tollgate.cdr.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.record.FeatureRecordEvent;

/**
 * The feature-specific part of a {@link FeatureRecord}: {@code cgn}, {@code cdn} and the pairs
 * after them, per event. Keys published by Cisco for IOS/CME feature VSAs are used where they
 * exist (forward: {@code frson}, {@code fdcnt}, {@code fwder}, {@code fwdee}, {@code fwdto},
 * {@code frm}; transfer: {@code trfor}, {@code trfee}, {@code trfto}); the others are tollgate's
 * (documented in {@code docs/cdr.md}): {@code ofcid} the correlation id of the call a feature took
 * a party from, {@code cfcid} the consult call of a consult transfer, {@code cfid}/{@code cfev}/
 * {@code cfpty} conference id, join|leave, parties now, {@code pkslot}/{@code pkdee}/{@code pkder}
 * park slot, parked and parker number, {@code rtvr} retriever, {@code rclto} recall target,
 * {@code pkupr}/{@code rgn} picker and ringing number.
 */
final class FeatureRecords {
    private FeatureRecords() {
    }

    /**
     * cgn, cdn and the pairs of an event; an empty {@code calling} / {@code called} means the call's
     * calling / called number (a recall: the parked party is the caller of the new call; a
     * conference: the number the party dialled, else {@code calledFallback}, the conference id).
     */
    record Parts(String calling, String called, List<FeatureRecord.Attribute> attributes, String calledFallback) {
        Parts(String calling, String called, List<FeatureRecord.Attribute> attributes) {
            this(calling, called, attributes, "");
        }
    }

    /** The parts of {@code e}; {@code forwards} counts the forwards of the call so far (this one included). */
    static Parts parts(FeatureRecordEvent e, int forwards, Function<CallRef, Optional<ConnectionId>> ids) {
        List<FeatureRecord.Attribute> a = new ArrayList<>();
        return switch (e) {
            case FeatureRecordEvent.Forwarded f -> {
                add(a, "frson", forwardReason(f.kind()));
                add(a, "fdcnt", Integer.toString(forwards));
                add(a, "fwder", f.fromNumber());
                add(a, "fwdee", f.callingNumber());
                add(a, "fwdto", f.toNumber());
                add(a, "frm", f.fromNumber());
                yield new Parts(f.callingNumber(), f.fromNumber(), a);
            }
            case FeatureRecordEvent.Transferred t -> {
                add(a, "trfor", t.transferorNumber());
                add(a, "trfee", t.transfereeNumber());
                add(a, "trfto", t.targetNumber());
                origin(a, "ofcid", t.from(), ids);
                t.consult().ifPresent(c -> origin(a, "cfcid", c, ids));
                yield new Parts(t.transfereeNumber(), t.targetNumber(), a);
            }
            case FeatureRecordEvent.ConferenceJoined j -> {
                add(a, "cfid", j.conferenceId());
                add(a, "cfev", "join");
                add(a, "cfpty", Integer.toString(j.parties()));
                yield new Parts(j.partyNumber(), "", a, j.conferenceId());
            }
            case FeatureRecordEvent.ConferenceLeft l -> {
                add(a, "cfid", l.conferenceId());
                add(a, "cfev", "leave");
                add(a, "cfpty", Integer.toString(l.parties()));
                yield new Parts(l.partyNumber(), "", a, l.conferenceId());
            }
            case FeatureRecordEvent.Parked p -> {
                add(a, "pkslot", p.slot());
                add(a, "pkdee", p.parkedNumber());
                add(a, "pkder", p.parkerNumber());
                yield new Parts(p.parkedNumber(), p.slot(), a);
            }
            case FeatureRecordEvent.Retrieved r -> {
                add(a, "pkslot", r.slot());
                add(a, "rtvr", r.retrieverNumber());
                origin(a, "ofcid", r.from(), ids);
                yield new Parts(r.retrieverNumber(), r.slot(), a);
            }
            case FeatureRecordEvent.Recalled r -> {
                add(a, "pkslot", r.slot());
                add(a, "rclto", r.toNumber());
                origin(a, "ofcid", r.from(), ids);
                yield new Parts("", r.toNumber(), a);
            }
            case FeatureRecordEvent.PickedUp p -> {
                add(a, "pkupr", p.pickerNumber());
                add(a, "rgn", p.ringingNumber());
                origin(a, "ofcid", p.from(), ids);
                yield new Parts(p.pickerNumber(), p.ringingNumber(), a);
            }
        };
    }

    /** Cisco {@code frson}: 1 call forward (all), 2 busy, 3 no reply, 4 deflection (a redirect). */
    static String forwardReason(String kind) {
        return switch (kind) {
            case "all" -> "1";
            case "busy" -> "2";
            case "noan" -> "3";
            default -> "4";
        };
    }

    private static void add(List<FeatureRecord.Attribute> a, String key, String value) {
        a.add(new FeatureRecord.Attribute(key, value));
    }

    private static void origin(List<FeatureRecord.Attribute> a, String key, CallRef ref,
                               Function<CallRef, Optional<ConnectionId>> ids) {
        ids.apply(ref).ifPresent(id -> add(a, key, id.compact()));
    }
}
