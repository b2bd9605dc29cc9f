package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.callcontrol.feature.FeatureFixture.A;
import static org.tollgate.callcontrol.feature.FeatureFixture.B;
import static org.tollgate.callcontrol.feature.FeatureFixture.C;
import static org.tollgate.callcontrol.feature.FeatureFixture.D;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.feature.FeatureFixture.FakeLeg;
import org.tollgate.callcontrol.feature.forward.ForwardKind;
import org.tollgate.callcontrol.feature.forward.ForwardTable;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.Tone;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FeatureRecordEvent;

/**
 * Spec {@code fac-lpcor.md} section 6 (seed table 1): one scenario per row, through the real
 * engine with fake SIP-like legs. "asked" is the list of authorization steps started
 * (caller&gt;called); every test states who must be asked and who must not.
 */
class FacFeatureRulesTest {
    final FeatureFixture f = new FeatureFixture();

    static FeatureSettings forwards(ForwardKind kind, String from, String to, Duration timeout) {
        return FeatureSettings.NONE.withForwards(ForwardTable.EMPTY.with(from, kind, new ForwardTable.Target(to, timeout)));
    }

    @Test
    @DisplayName("Row 'Basic call': A calls B, B requires FAC: A is asked and routed to B only with a valid FAC")
    void basicCall() {
        f.start("A>B");
        f.autoFac = false;
        f.phone(A).call(B);
        assertEquals(List.of(A + ">" + B), f.askedPairs());
        assertTrue(f.phone(B).offered().isEmpty(), "not routed before the FAC");
        f.enterFac(new AuthorizationResult.Success("786"));
        assertEquals(1, f.phone(B).offered().size());
        FeatureFixture g = new FeatureFixture();
        g.start("A>B");
        g.autoFac = false;
        g.phone(A).call(B);
        g.enterFac(new AuthorizationResult.Failure("999", "unknown code"));
        assertTrue(g.phone(B).offered().isEmpty(), "an invalid FAC never reaches B");
    }

    @Test
    @DisplayName("Row 'Call forward all': B enabling CFA to C (**1) needs no FAC; A (no FAC to B) forwarded to C is asked because A->C requires it")
    void callForwardAll() {
        f.start("A>C", "B>C");
        FakeLeg setting = f.phone(B).call("**1" + C);
        assertTrue(f.asked.isEmpty(), "B setting CFA to C is not asked even though B->C needs FAC");
        assertEquals(new LegCommand.PlayTone(Tone.DIAL), setting.lastCommand().orElseThrow(), "confirmation: dial tone again");
        setting.hangUp();
        f.phone(A).call(B);
        assertEquals(List.of(A + ">" + C), f.askedPairs(), "A is asked for A->C");
        assertTrue(f.phone(B).offered().isEmpty(), "B does not ring with CFA");
        assertEquals(1, f.phone(C).offered().size());
        FeatureRecordEvent.Forwarded fw = f.featureRecords(FeatureRecordEvent.Forwarded.class).getFirst();
        assertEquals("CFA", fw.featureName());
        assertEquals(B, fw.fromNumber());
        assertEquals(C, fw.toNumber());
    }

    @Test
    @DisplayName("Row 'Call forward busy': A calls busy B, CFB to C: A is asked for A->C")
    void callForwardBusy() {
        f.featureSettings = forwards(ForwardKind.BUSY, B, C, ForwardTable.DEFAULT_NO_ANSWER_TIMEOUT);
        f.start("A>C");
        f.phone(B).busy = true;
        f.phone(A).call(B);
        assertEquals(List.of(A + ">" + C), f.askedPairs());
        assertEquals(1, f.phone(C).offered().size());
        assertEquals("CFBY", f.featureRecords(FeatureRecordEvent.Forwarded.class).getFirst().featureName());
    }

    @Test
    @DisplayName("Row 'Call forward no answer': A->B needs none, A->C needs FAC: B rings for the CFNA timeout, then A is asked and sent to C")
    void callForwardNoAnswer() {
        f.featureSettings = forwards(ForwardKind.NO_ANSWER, B, C, Duration.ofSeconds(10));
        f.start("A>C");
        f.phone(A).call(B);
        assertTrue(f.asked.isEmpty());
        FakeLeg b = f.phone(B).offered().getFirst();
        f.clock.advance(Duration.ofSeconds(9));
        assertFalse(b.released());
        f.clock.advance(Duration.ofSeconds(1));
        assertTrue(b.released(), "B stops ringing");
        assertEquals(List.of(A + ">" + C), f.askedPairs());
        assertEquals(1, f.phone(C).offered().size());
    }

    @Test
    @DisplayName("Row 'Blind transfer': A calls B, B answers and blind-transfers to C: A is asked; A reaches C only with a valid FAC")
    void blindTransfer() {
        f.start("A>C", "B>C");
        FakeLeg a = f.connect(A, B);
        f.autoFac = false;
        FeatureOutcome o = f.done(f.calls.features().blindTransfer(a.call, Side.CALLED, C));
        CallRef n = assertInstanceOf(FeatureOutcome.Done.class, o).call().orElseThrow();
        assertEquals(List.of(A + ">" + C), f.askedPairs(), "the transferee A is asked, the transferor B is not");
        assertTrue(f.phone(B).last().released(), "the transferor's leg is released");
        assertFalse(a.released(), "A's leg is kept, now in the new call");
        assertInstanceOf(CallState.Authorizing.class, f.state(n));
        f.enterFac(new AuthorizationResult.Success("786"));
        assertEquals(1, f.phone(C).offered().size());
        f.phone(C).last().answer();
        assertInstanceOf(CallState.Connected.class, f.state(n));
        assertTrue(a.commands.getLast() instanceof LegCommand.Connect);
        assertEquals("BXFER", f.featureRecords(FeatureRecordEvent.Transferred.class).getFirst().featureName());

        FeatureFixture g = new FeatureFixture().start("A>C");
        FakeLeg a2 = g.connect(A, B);
        g.autoFac = false;
        g.done(g.calls.features().blindTransfer(a2.call, Side.CALLED, C));
        g.enterFac(new AuthorizationResult.Failure("1", "unknown code"));
        assertTrue(g.phone(C).offered().isEmpty(), "no valid FAC: A never reaches C");
    }

    /** A-B connected, then B's consult call (a second leg of B) to C. */
    record Consult(FakeLeg a, FakeLeg b2) {
    }

    Consult consult() {
        FakeLeg a = f.connect(A, B);
        FakeLeg b2 = f.phone(B).call(C);
        return new Consult(a, b2);
    }

    @Test
    @DisplayName("Row 'Consult transfer while C alerting' case (1): B->C needs FAC, A->C not: B must enter FAC before it can complete; then A goes to C")
    void consultWhileAlertingCase1() {
        f.start("B>C");
        f.autoFac = false;
        Consult k = consult();
        assertEquals(List.of(B + ">" + C), f.askedPairs());
        FeatureOutcome early = f.done(f.calls.features().consultTransfer(k.a().call, Side.CALLED, k.b2().call));
        assertInstanceOf(FeatureOutcome.Refused.class, early, "cannot complete before B's FAC");
        f.enterFac(new AuthorizationResult.Success("786"));
        assertInstanceOf(CallState.Alerting.class, f.state(k.b2().call));
        FeatureOutcome o = f.done(f.calls.features().consultTransfer(k.a().call, Side.CALLED, k.b2().call));
        CallRef n = assertInstanceOf(FeatureOutcome.Done.class, o).call().orElseThrow();
        assertEquals(List.of(B + ">" + C), f.askedPairs(), "A is not asked");
        assertInstanceOf(CallState.Alerting.class, f.state(n));
        f.phone(C).last().answer();
        assertInstanceOf(CallState.Connected.class, f.state(n));
        assertTrue(k.a().connected());
        assertTrue(f.phone(B).legs.stream().allMatch(FakeLeg::released), "both of B's legs are released");
    }

    @Test
    @DisplayName("Row 'Consult transfer while C alerting' case (2): B->C and A->C need FAC: B enters FAC; A is not asked; A goes to C")
    void consultWhileAlertingCase2() {
        f.start("B>C", "A>C");
        Consult k = consult();
        assertEquals(List.of(B + ">" + C), f.askedPairs());
        CallRef n = assertInstanceOf(FeatureOutcome.Done.class,
                f.done(f.calls.features().consultTransfer(k.a().call, Side.CALLED, k.b2().call))).call().orElseThrow();
        assertEquals(List.of(B + ">" + C), f.askedPairs());
        f.phone(C).last().answer();
        assertInstanceOf(CallState.Connected.class, f.state(n));
    }

    @Test
    @DisplayName("Row 'Consult transfer while C alerting' case (3): B->C needs none, A->C needs FAC: B completes; A is not asked; A goes to C")
    void consultWhileAlertingCase3() {
        f.start("A>C");
        Consult k = consult();
        assertTrue(f.asked.isEmpty());
        CallRef n = assertInstanceOf(FeatureOutcome.Done.class,
                f.done(f.calls.features().consultTransfer(k.a().call, Side.CALLED, k.b2().call))).call().orElseThrow();
        assertTrue(f.asked.isEmpty(), "A is not asked");
        assertEquals(new LegCommand.PlayTone(Tone.RINGBACK), k.a().lastCommand().orElseThrow(), "A hears C ringing");
        f.phone(C).last().answer();
        assertInstanceOf(CallState.Connected.class, f.state(n));
        FeatureRecordEvent.Transferred t = f.featureRecords(FeatureRecordEvent.Transferred.class).getFirst();
        assertEquals("CXFER", t.featureName());
        assertEquals(Optional.of(k.b2().call), t.consult());
    }

    @Test
    @DisplayName("Row 'Consult transfer completed after C answered': A->C needs FAC but none is asked: A is connected to C")
    void consultAfterAnswer() {
        f.start("A>C");
        Consult k = consult();
        f.phone(C).last().answer();
        CallRef n = assertInstanceOf(FeatureOutcome.Done.class,
                f.done(f.calls.features().consultTransfer(k.a().call, Side.CALLED, k.b2().call))).call().orElseThrow();
        assertTrue(f.asked.isEmpty());
        assertInstanceOf(CallState.Connected.class, f.state(n));
        FakeLeg c = f.phone(C).last();
        assertTrue(c.connected() && k.a().connected());
        CallRecordEvent.Connected rec = f.records.stream().filter(CallRecordEvent.Connected.class::isInstance)
                .map(CallRecordEvent.Connected.class::cast).filter(r -> r.call().equals(n)).findFirst().orElseThrow();
        assertEquals(n, rec.incoming().call(), "the new call has its own CDR legs");
        k.a().hangUp();
        assertTrue(c.released(), "A hanging up releases C");
    }

    @Test
    @DisplayName("Row 'Ad-hoc conference': A->C and B->C need FAC: B enters FAC to reach C; A joins without FAC")
    void adHocConference() {
        f.start("A>C", "B>C");
        Consult k = consult();
        f.phone(C).last().answer();
        assertEquals(List.of(B + ">" + C), f.askedPairs());
        assertInstanceOf(FeatureOutcome.Done.class,
                f.done(f.calls.features().conference(k.a().call, Side.CALLED, k.b2().call)));
        assertEquals(List.of(B + ">" + C), f.askedPairs(), "A joins without FAC");
        var joined = f.featureRecords(FeatureRecordEvent.ConferenceJoined.class);
        assertEquals(List.of(A, B, C), joined.stream().map(FeatureRecordEvent.ConferenceJoined::partyNumber).toList());
        assertEquals(1, f.calls.features().conferences().size());
        assertTrue(f.calls.activeCalls().isEmpty(), "both two-party calls ended; the parties are in the bridge");
    }

    @Test
    @DisplayName("Ad-hoc conference audio: through the dsp mixer each of the three parties hears the other two, not itself")
    void conferenceMixesThreeParties() {
        f.start();
        Consult k = consult();
        FakeLeg c = f.phone(C).last();
        c.answer();
        f.done(f.calls.features().conference(k.a().call, Side.CALLED, k.b2().call));
        short[] fa = frame(100);
        short[] fb = frame(20);
        short[] fc = frame(3);
        k.a().talk(fa);
        k.b2().talk(fb);
        c.talk(fc);
        f.clock.advance(Duration.ofMillis(20));
        assertEquals(123 - 100, k.a().heard.getLast()[0], "A hears B + C");
        assertEquals(123 - 20, k.b2().heard.getLast()[0], "B hears A + C");
        assertEquals(123 - 3, c.heard.getLast()[0], "C hears A + B");
        k.a().hangUp();
        assertEquals(2, f.calls.features().conferences().values().iterator().next().parties().size());
        k.b2().hangUp();
        assertTrue(c.released(), "an ad-hoc conference ends when one party is left");
        assertTrue(f.calls.features().conferences().isEmpty());
    }

    @Test
    @DisplayName("Row 'Ad-hoc conference' through a focus leg (SIP RFC 4579): B takes part on its focus dialog, both of B's call legs are released, A joins without FAC")
    void adHocConferenceThroughFocusLeg() {
        f.start("A>C", "B>C");
        Consult k = consult();
        FakeLeg b1 = f.phone(B).legs.getFirst();
        FakeLeg c = f.phone(C).last();
        c.answer();
        assertEquals(List.of(B + ">" + C), f.askedPairs());
        FakeLeg focus = f.new FakeLeg(f.phone(B), "focus");
        var adopted = f.calls.features().adopt(focus);
        focus.events = adopted.events();
        assertInstanceOf(FeatureOutcome.Done.class, f.done(f.calls.features().conference(k.a().call, Side.CALLED,
                k.b2().call, Optional.of(adopted))));
        assertEquals(List.of(B + ">" + C), f.askedPairs(), "A joins without FAC");
        assertTrue(b1.released(), "B's leg in the original call is released");
        assertTrue(k.b2().released(), "B's consult leg is released: B talks on the focus leg");
        assertFalse(k.a().released());
        assertFalse(c.released());
        var joined = f.featureRecords(FeatureRecordEvent.ConferenceJoined.class);
        assertEquals(List.of(A, B, C), joined.stream().map(FeatureRecordEvent.ConferenceJoined::partyNumber).toList());
        short[] fa = frame(100);
        short[] fb = frame(20);
        short[] fc = frame(3);
        k.a().talk(fa);
        focus.talk(fb);
        c.talk(fc);
        f.clock.advance(Duration.ofMillis(20));
        assertEquals(123 - 20, focus.heard.getLast()[0], "B hears A + C on the focus leg");
        assertEquals(123 - 100, k.a().heard.getLast()[0], "A hears B + C");
        focus.hangUp();
        k.a().hangUp();
        assertTrue(c.released(), "the ad-hoc conference ends when one party is left");
    }

    static short[] frame(int v) {
        short[] s = new short[160];
        java.util.Arrays.fill(s, (short) v);
        return s;
    }

    @Test
    @DisplayName("Row 'Meet-me conference': joining a meet-me conference never invokes FAC")
    void meetMe() {
        f.featureSettings = FeatureFixture.parkAndMeetMe();
        f.start("A>B", "A>C", "B>C", "C>A");
        FakeLeg a = f.phone(A).call("8000");
        FakeLeg b = f.phone(B).call("8000");
        FakeLeg c = f.phone(C).call("8000");
        assertTrue(f.asked.isEmpty());
        var joined = f.featureRecords(FeatureRecordEvent.ConferenceJoined.class);
        assertEquals(3, joined.size());
        assertTrue(joined.stream().allMatch(FeatureRecordEvent.ConferenceJoined::meetMe));
        assertEquals(List.of(A, B, C), f.calls.features().conferences().get("8000").parties());
        a.talk(frame(7));
        f.clock.advance(Duration.ofMillis(20));
        assertEquals(7, b.heard.getLast()[0]);
        assertEquals(7, c.heard.getLast()[0]);
    }

    @Test
    @DisplayName("Row 'Call park and retrieve': no FAC for a parked call; C retrieving parked A is not asked even if C->A needs FAC")
    void parkAndRetrieve() {
        f.featureSettings = FeatureFixture.parkAndMeetMe();
        f.start("C>A", "B>A");
        FakeLeg a = f.connect(A, B);
        assertInstanceOf(FeatureOutcome.Done.class, f.done(f.calls.features().park(a.call, Side.CALLED)));
        FeatureRecordEvent.Parked p = f.featureRecords(FeatureRecordEvent.Parked.class).getFirst();
        assertEquals("7001", p.slot());
        assertEquals(A, p.parkedNumber());
        assertTrue(f.phone(B).last().released());
        assertFalse(a.released());
        FakeLeg c = f.phone(C).call("7001");
        assertTrue(f.asked.isEmpty(), "nobody is asked");
        assertTrue(a.connected() && c.connected(), "C is connected to A");
        assertTrue(f.calls.features().parkLot().occupied().isEmpty());
        assertEquals("7001", f.featureRecords(FeatureRecordEvent.Retrieved.class).getFirst().slot());
        f.clock.advance(Duration.ofSeconds(120));
        assertTrue(f.featureRecords(FeatureRecordEvent.Recalled.class).isEmpty(), "a retrieved call is not recalled");
    }

    @Test
    @DisplayName("Row 'Park recall': parked A times out and recalls to D: D is not asked even if A->D needs FAC")
    void parkRecall() {
        f.featureSettings = FeatureFixture.parkAndMeetMe().withParkSlots(List.of(new FeatureSettings.ParkSlot("7001",
                Optional.of(Duration.ofSeconds(30)), false, Optional.of(D))));
        f.start("A>D");
        FakeLeg a = f.connect(A, B);
        f.done(f.calls.features().park(a.call, Side.CALLED));
        f.clock.advance(Duration.ofSeconds(29));
        assertTrue(f.phone(D).offered().isEmpty());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, f.phone(D).offered().size(), "recalled to D");
        assertTrue(f.asked.isEmpty(), "nobody is asked although A->D needs FAC");
        f.phone(D).last().answer();
        assertTrue(a.connected());
        assertEquals(D, f.featureRecords(FeatureRecordEvent.Recalled.class).getFirst().toNumber());
    }

    @Test
    @DisplayName("Park recall without a configured number goes back to the parker")
    void parkRecallToParker() {
        f.featureSettings = FeatureFixture.parkAndMeetMe();
        f.start();
        FakeLeg a = f.connect(A, B);
        f.done(f.calls.features().park(a.call, Side.CALLED));
        f.clock.advance(Duration.ofSeconds(60));
        assertEquals(2, f.phone(B).offered().size(), "B's phone rings again");
    }

    @Test
    @DisplayName("A park slot without recall or transfer disconnects the parked call at its timeout (cause 102)")
    void parkTimeoutDisconnects() {
        f.featureSettings = FeatureSettings.NONE.withParkSlots(List.of(new FeatureSettings.ParkSlot("7001",
                Optional.of(Duration.ofSeconds(30)), false, Optional.empty())));
        f.start();
        FakeLeg a = f.connect(A, B);
        f.done(f.calls.features().park(a.call, Side.CALLED));
        f.clock.advance(Duration.ofSeconds(30));
        assertEquals(new LegCommand.Release(org.tollgate.callcontrol.cause.Q850Cause.RECOVERY_ON_TIMER_EXPIRY),
                a.lastCommand().orElseThrow());
        assertTrue(f.calls.features().parkLot().occupied().isEmpty());
    }

    @Test
    @DisplayName("Row 'Group pickup': C answering A's call to B by group pickup (**3) is not asked even if C->A needs FAC")
    void groupPickup() {
        f.featureSettings = FeatureSettings.NONE.withPickupGroups(Map.of(B, "5", C, "5"));
        f.start("C>A");
        FakeLeg a = f.phone(A).call(B);
        FakeLeg b = f.phone(B).last();
        FakeLeg c = f.phone(C).call("**3");
        assertTrue(f.asked.isEmpty());
        assertTrue(b.released(), "B stops ringing");
        assertTrue(a.connected() && c.connected(), "A is connected to C");
        FeatureRecordEvent.PickedUp p = f.featureRecords(FeatureRecordEvent.PickedUp.class).getFirst();
        assertEquals(B, p.ringingNumber());
        assertEquals("GPICKUP", p.featureName());
    }

    @Test
    @DisplayName("Directed pickup (**5N#): C answers the call ringing at B without FAC; a pickup with nothing ringing gives reorder")
    void directedPickup() {
        f.start("C>A");
        FakeLeg none = f.phone(C).call("**5" + B + "#");
        assertEquals(new LegCommand.Release(org.tollgate.callcontrol.cause.Q850Cause.of(29)), none.lastCommand().orElseThrow());
        FakeLeg a = f.phone(A).call(B);
        FakeLeg c = f.phone(C).call("**5" + B + "#");
        assertTrue(f.asked.isEmpty());
        assertTrue(a.connected() && c.connected());
        assertTrue(f.featureRecords(FeatureRecordEvent.PickedUp.class).getFirst().directed());
    }

    @ParameterizedTest(name = "Row ''{0}'': FAC not supported: the feature call is not asked even though A->C needs FAC")
    @ValueSource(strings = {"Single number reach (SNR)", "Third-party call control (3pcc)", "Parallel hunt group",
            "Whisper intercom"})
    @DisplayName("Rows SNR / 3pcc / parallel hunt / whisper intercom: FAC is never invoked")
    void facNotSupported(String row) {
        f.start("A>C");
        FakeLeg leg = f.new FakeLeg(f.phone(A), row);
        var h = f.calls.features().startFacExemptCall(f.phone(A).caller(), leg, C);
        leg.events = h.events();
        assertTrue(f.asked.isEmpty(), row);
        assertEquals(1, f.phone(C).offered().size(), row);
    }

    @Test
    @DisplayName("Row 'Parallel hunt group': A calls the pilot, members B and C ring at once without FAC although A->B and A->C need it; C answers, B is released with cause 26")
    void parallelHuntGroup() {
        f.featureSettings = FeatureSettings.NONE.withParallelHunts(List.of(new FeatureSettings.ParallelHunt("5000",
                List.of(B, C), Duration.ofSeconds(30), Optional.of(D))));
        f.start("A>B", "A>C", "A>D");
        FakeLeg a = f.phone(A).call("5000");
        assertTrue(f.asked.isEmpty());
        FakeLeg b = f.phone(B).offered().getFirst();
        FakeLeg c = f.phone(C).offered().getFirst();
        assertEquals(new LegCommand.PlayTone(Tone.RINGBACK), a.lastCommand().orElseThrow());
        c.answer();
        assertTrue(a.connected() && c.connected());
        assertEquals(new LegCommand.Release(org.tollgate.callcontrol.cause.Q850Cause.of(26)), b.lastCommand().orElseThrow());
        FeatureFixture g = new FeatureFixture();
        g.featureSettings = f.featureSettings;
        g.start("A>D");
        g.phone(A).call("5000");
        g.clock.advance(Duration.ofSeconds(30));
        assertEquals(1, g.phone(D).offered().size(), "unanswered: to the final number");
        assertTrue(g.asked.isEmpty(), "A->D needs FAC, but the hunt's final call is FAC-exempt");
    }

    @Test
    @DisplayName("Restriction: a SIP-NOTIFY-triggered new call in forward / blind transfer asks the same caller again; a plain redirect keeps the leg's FAC")
    void notifyTriggeredNewCallAsksAgain() {
        f.start("A>B", "A>C");
        FakeLeg a = f.phone(A).call(B);
        f.phone(B).last().answer();
        assertEquals(List.of(A + ">" + B), f.askedPairs());
        f.done(f.calls.features().redirect(a.call, C, true));
        assertEquals(List.of(A + ">" + B, A + ">" + C), f.askedPairs(), "asked again");

        FeatureFixture g = new FeatureFixture().start("A>B", "A>C");
        FakeLeg a2 = g.phone(A).call(B);
        g.phone(B).last().answer();
        g.done(g.calls.features().redirect(a2.call, C, false));
        assertEquals(List.of(A + ">" + B), g.askedPairs(), "FAC status kept per call leg");
        assertEquals(1, g.phone(C).offered().size());
    }

    @Test
    @DisplayName("FAC status per call leg: a forward inside the call keeps the caller's valid FAC (CFB after A entered it for B)")
    void forwardKeepsLegFac() {
        f.featureSettings = forwards(ForwardKind.NO_ANSWER, B, C, Duration.ofSeconds(5));
        f.start("A>B", "A>C");
        f.phone(A).call(B);
        f.clock.advance(Duration.ofSeconds(5));
        assertEquals(List.of(A + ">" + B), f.askedPairs());
        assertEquals(1, f.phone(C).offered().size());
    }

    @Test
    @DisplayName("Forward loops end after the hop limit with cause 1")
    void forwardLoop() {
        f.featureSettings = FeatureSettings.NONE.withForwards(ForwardTable.EMPTY
                .with(B, ForwardKind.ALL, ForwardTable.Target.of(C)).with(C, ForwardKind.ALL, ForwardTable.Target.of(B)));
        f.start();
        FakeLeg a = f.phone(A).call(B);
        assertEquals(new LegCommand.Release(org.tollgate.callcontrol.cause.Q850Cause.UNALLOCATED_NUMBER),
                a.lastCommand().orElseThrow());
    }

    @Test
    @DisplayName("Feature codes: **7/**8 set CFB/CFNA, **9 clears all, **2 clears CFA; an unknown code gives reorder")
    void forwardCodes() {
        f.start();
        f.phone(B).call("**7" + C + "#").hangUp();
        f.phone(B).call("**8" + D).hangUp();
        var t = f.calls.currentSettings().features().forwards();
        assertEquals(C, t.lookup(B, ForwardKind.BUSY).orElseThrow().number());
        assertEquals(D, t.lookup(B, ForwardKind.NO_ANSWER).orElseThrow().number());
        f.phone(B).call("**9").hangUp();
        assertTrue(f.calls.currentSettings().features().forwards().entries().isEmpty());
        f.phone(B).call("**1" + C).hangUp();
        f.phone(B).call("**2").hangUp();
        assertTrue(f.calls.currentSettings().features().forwards().lookup(B, ForwardKind.ALL).isEmpty());
        FakeLeg bad = f.phone(B).call("**0");
        assertEquals(new LegCommand.Release(org.tollgate.callcontrol.cause.Q850Cause.UNALLOCATED_NUMBER),
                bad.lastCommand().orElseThrow());
    }
}
