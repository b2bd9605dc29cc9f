package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.callcontrol.feature.FeatureFixture.A;
import static org.tollgate.callcontrol.feature.FeatureFixture.B;
import static org.tollgate.callcontrol.feature.FeatureFixture.C;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.feature.FeatureFixture.FakeLeg;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.record.FeatureRecordEvent;

/**
 * {@code FeatureService.replace}: a new party takes a connected party's place (the SIP edge's INVITE
 * with {@code Replaces}, RFC 3891, completing an attended transfer from the target's side).
 */
class ReplacePartyTest {
    final FeatureFixture f = new FeatureFixture();

    @Test
    @DisplayName("Replacing B in the connected call A-B: A is joined with the new party C (answered) in a new call, B is released, nobody is asked although A->C needs FAC; CXFER recorded")
    void replaceConnectedParty() {
        f.start("A>C");
        FakeLeg a = f.connect(A, B);
        FakeLeg b = f.phone(B).last();
        FakeLeg c = f.new FakeLeg(f.phone(C), "replacing");
        AtomicReference<LegEvents> bound = new AtomicReference<>();
        FeatureOutcome o = f.done(f.calls.features().replace(a.call, Side.CALLED,
                new Caller("phone " + C, C, "", Optional.of("GC")), c, e -> {
                    bound.set(e);
                    c.events = e;
                }));
        CallRef n = assertInstanceOf(FeatureOutcome.Done.class, o).call().orElseThrow();
        assertTrue(bound.get() != null, "the new leg was given its events first");
        assertTrue(b.released(), "the replaced leg is released");
        assertFalse(a.released(), "A keeps its leg, now in the new call");
        assertTrue(f.asked.isEmpty(), "no FAC");
        assertInstanceOf(CallState.Connected.class, f.state(n));
        assertTrue(c.commands.stream().anyMatch(LegCommand.Connect.class::isInstance), "the new party is answered");
        FeatureRecordEvent.Transferred t = f.featureRecords(FeatureRecordEvent.Transferred.class).getFirst();
        assertEquals("CXFER", t.featureName());
        assertEquals(B, t.transferorNumber());
        assertEquals(A, t.transfereeNumber());
        c.hangUp();
        assertTrue(a.released(), "C hanging up ends A's new call");
    }

    @Test
    @DisplayName("Replacing a party of a call that is not connected (still ringing) is refused and changes nothing")
    void replaceRingingRefused() {
        f.start();
        FakeLeg a = f.phone(A).call(B);
        FakeLeg c = f.new FakeLeg(f.phone(C), "replacing");
        FeatureOutcome o = f.done(f.calls.features().replace(a.call, Side.CALLED,
                new Caller("phone " + C, C, "", Optional.of("GC")), c, e -> c.events = e));
        assertInstanceOf(FeatureOutcome.Refused.class, o);
        assertFalse(a.released());
        assertFalse(f.phone(B).last().released(), "B still rings");
        assertTrue(c.commands.isEmpty());
    }
}
