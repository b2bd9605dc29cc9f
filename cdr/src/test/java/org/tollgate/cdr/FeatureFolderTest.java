package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.record.MediaStats;

/** How the folder correlates feature events with calls (in progress, released lately, never seen). */
class FeatureFolderTest {
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    final List<CallLegRecord> legs = new CopyOnWriteArrayList<>();
    final List<FeatureRecord> features = new CopyOnWriteArrayList<>();
    final CallRecordFolder folder = new CallRecordFolder(Scenarios.fixedIds(), MediaStats.NONE, legs::addAll,
            l -> { }, features::addAll);

    void call(CallRef ref, String calling, String called) {
        folder.accept(new CallRecordEvent.Setup(ref, t0, LegId.incoming(ref), "0/1/0", calling, "", called,
                Optional.empty()));
    }

    void release(CallRef ref) {
        folder.accept(new CallRecordEvent.Released(ref, t0.plusSeconds(9), Q850Cause.NORMAL_CALL_CLEARING,
                ReleaseSource.GATEWAY, LegId.incoming(ref), Optional.empty()));
    }

    @Test
    @DisplayName("A feature event for a call released moments ago (a conference party leaving) still gets that call's fcid and the next fid")
    void releasedCallKeepsItsId() {
        CallRef ref = new CallRef(1);
        call(ref, "1001", "8000");
        folder.accept(new FeatureRecordEvent.ConferenceJoined(ref, t0.plusSeconds(1), "meetme-8000", "1001", true, 1));
        release(ref);
        folder.accept(new FeatureRecordEvent.ConferenceLeft(ref, t0.plusSeconds(30), "meetme-8000", "1001", 0));
        assertEquals(2, features.size());
        assertEquals(legs.getFirst().connectionId(), features.get(1).connectionId());
        assertEquals(2, features.get(1).sequence());
        assertTrue(features.get(1).vsa().contains(",cgn:1001,cdn:8000,cfid:meetme-8000,cfev:leave,cfpty:0"),
                features.get(1).vsa());
    }

    @Test
    @DisplayName("A feature event for a call never seen gets a connection id of its own, shared by later events of that call; fids count on")
    void unknownCallGetsItsOwnId() {
        CallRef ref = new CallRef(42);
        folder.accept(new FeatureRecordEvent.Parked(ref, t0, "7001", "1001", "1002"));
        folder.accept(new FeatureRecordEvent.Parked(ref, t0.plusSeconds(1), "7002", "1001", "1002"));
        assertEquals(features.get(0).connectionId(), features.get(1).connectionId());
        assertEquals(List.of(1, 2), features.stream().map(FeatureRecord::sequence).toList());
        assertNotEquals(features.get(0).recordId(), features.get(1).recordId());
    }

    @Test
    @DisplayName("Forwards in one call are counted (fdcnt) and the forward reason follows the kind (frson 1 all, 2 busy, 3 no answer, 4 redirect)")
    void forwardCount() {
        CallRef ref = new CallRef(7);
        call(ref, "1001", "2001");
        folder.accept(new FeatureRecordEvent.Forwarded(ref, t0, "busy", "2001", "1003", "1001"));
        folder.accept(new FeatureRecordEvent.Forwarded(ref, t0, "noan", "1003", "1004", "1001"));
        folder.accept(new FeatureRecordEvent.Forwarded(ref, t0, "redirect", "1004", "1005", "1001"));
        assertEquals(List.of("CFBY", "CFNA", "CFRD"), features.stream().map(FeatureRecord::featureName).toList());
        assertTrue(features.get(0).vsa().contains(",frson:2,fdcnt:1,fwder:2001,fwdee:1001,fwdto:1003"));
        assertTrue(features.get(1).vsa().contains(",frson:3,fdcnt:2,fwder:1003,"));
        assertTrue(features.get(2).vsa().contains(",frson:4,fdcnt:3,fwder:1004,"));
    }

    @Test
    @DisplayName("Group pickup: GPICKUP with the picker, the ringing number and the picked call's ofcid")
    void groupPickup() {
        CallRef picked = new CallRef(1);
        CallRef fresh = new CallRef(2);
        call(picked, "1001", "1002");
        call(fresh, "1001", "1003");
        folder.accept(new FeatureRecordEvent.PickedUp(fresh, t0, "1003", "1002", false, picked));
        FeatureRecord f = features.getFirst();
        assertEquals("GPICKUP", f.featureName());
        assertTrue(f.vsa().contains(",cgn:1003,cdn:1002,pkupr:1003,rgn:1002,ofcid:"), f.vsa());
        assertTrue(f.vsa().endsWith(folder.activeCalls().getFirst().connectionId().compact()), f.vsa());
    }
}
