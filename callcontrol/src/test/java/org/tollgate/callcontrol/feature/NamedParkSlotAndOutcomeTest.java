package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallOutcome;
import org.tollgate.callcontrol.feature.FeatureFixture.FakeLeg;
import org.tollgate.callcontrol.record.FeatureRecordEvent;

/**
 * {@code FeatureService.park(call, side, slot)} (SIP: REFER to a park slot's number) and
 * {@code CallControl.outcome(ref)} (what the SIP edge reports as a REFER's final sipfrag), with the
 * engine and fake legs on the manual scheduler.
 */
class NamedParkSlotAndOutcomeTest {
    private static final String A = FeatureFixture.A;
    private static final String B = FeatureFixture.B;
    private static final String C = FeatureFixture.C;
    private static final String D = FeatureFixture.D;

    final FeatureFixture f = new FeatureFixture();

    @Test
    @DisplayName("park(call, side, slot) parks in the named slot 7002 although 7001 is free")
    void parksInTheNamedSlot() {
        f.featureSettings = FeatureFixture.parkAndMeetMe();
        f.start();
        FakeLeg a = f.connect(A, B);
        assertInstanceOf(FeatureOutcome.Done.class, f.done(f.calls.features().park(a.call, Side.CALLED, "7002")));
        assertEquals("7002", f.featureRecords(FeatureRecordEvent.Parked.class).getFirst().slot());
        assertTrue(f.calls.features().parkLot().occupied().containsKey("7002"));
    }

    @Test
    @DisplayName("park(call, side, slot) into a slot in use is refused with user busy (17) and nothing changes; a number that is no slot with unallocated number (1)")
    void busyOrUnknownSlotRefused() {
        f.featureSettings = FeatureFixture.parkAndMeetMe();
        f.start();
        FakeLeg a = f.connect(A, B);
        f.done(f.calls.features().park(a.call, Side.CALLED, "7001"));
        FakeLeg c = f.connect(C, D);
        FeatureOutcome busy = f.done(f.calls.features().park(c.call, Side.CALLED, "7001"));
        assertEquals(Q850Cause.USER_BUSY, assertInstanceOf(FeatureOutcome.Refused.class, busy).cause());
        FeatureOutcome none = f.done(f.calls.features().park(c.call, Side.CALLED, "7099"));
        assertEquals(Q850Cause.UNALLOCATED_NUMBER, assertInstanceOf(FeatureOutcome.Refused.class, none).cause());
        assertFalse(c.released(), "C keeps its call");
        assertFalse(f.phone(D).last().released(), "D keeps its call");
        assertTrue(c.connected());
        assertEquals(1, f.featureRecords(FeatureRecordEvent.Parked.class).size());
        assertFalse(f.calls.features().parkLot().occupied().containsKey("7002"), "not parked elsewhere");
    }

    @Test
    @DisplayName("CallControl.outcome: Answered once the called party answers, not before")
    void outcomeAnswered() {
        f.start();
        FakeLeg a = f.phone(A).call(B);
        CompletableFuture<CallOutcome> o = f.calls.outcome(a.call).orElseThrow().toCompletableFuture();
        assertFalse(o.isDone(), "ringing: no outcome yet");
        f.phone(B).last().answer();
        assertInstanceOf(CallOutcome.Answered.class, o.getNow(null));
    }

    @Test
    @DisplayName("CallControl.outcome: Failed with the release cause (busy 17), still known after the call is gone")
    void outcomeFailedKnownAfterRelease() {
        f.start();
        f.phone(B).busy = true;
        FakeLeg a = f.phone(A).call(B);
        assertTrue(f.calls.state(a.call).isEmpty(), "the call is gone");
        CallOutcome o = f.calls.outcome(a.call).orElseThrow().toCompletableFuture().getNow(null);
        assertEquals(Q850Cause.USER_BUSY, assertInstanceOf(CallOutcome.Failed.class, o).cause());
    }
}
