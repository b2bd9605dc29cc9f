package org.tollgate.callcontrol.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.feature.FeatureFixture.FakeLeg;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.record.FeatureRecordEvent;

/**
 * Consult transfer completed while the target rings, with the target's answer landing at each
 * point of the completion: the transferee must end up talking to the target whatever the order.
 * The completion runs on the original call's and the consult call's own queues; the fake legs'
 * one-shot hooks make the target answer from inside those queues at a chosen step (the answer then
 * waits behind the step being run, exactly as a SIP or port thread's answer would), so each
 * interleaving is reproduced deterministically, without threads or sleeps.
 */
class ConsultAnswerRaceTest {
    private static final String A = FeatureFixture.A;
    private static final String B = FeatureFixture.B;
    private static final String C = FeatureFixture.C;

    /** When the target C answers, relative to the transfer completion. */
    enum AnswerAt {
        /** C answered before the transferor completed (the "after answer" case). */
        BEFORE_COMPLETION,
        /** while the completion reads the consult call's state (inside the consult call's queue). */
        WHILE_CONSULT_CALL_IS_READ,
        /** while the transferee's leg leaves the original call (the consult call's queue still busy). */
        WHILE_TRANSFEREE_IS_MOVED,
        /** while C's own leg leaves the consult call. */
        WHILE_TARGET_IS_MOVED,
        /** after the transferee was joined to C (it heard ringback meanwhile). */
        AFTER_COMPLETION
    }

    @ParameterizedTest(name = "C answers {0}")
    @EnumSource(AnswerAt.class)
    @DisplayName("Consult transfer by hook flash while C rings (B hangs up): A talks to C whenever C's answer arrives")
    void flashConsultAnswerInAnyOrder(AnswerAt at) {
        FeatureFixture f = new FeatureFixture().start();
        FakeLeg a = f.connect(A, B);
        FakeLeg b = f.phone(B).last();
        b.events.flash();
        b.events.digits(C);
        FakeLeg c = f.phone(C).last();
        assertInstanceOf(CallState.Alerting.class, f.state(c.call), "B's consult call rings C");

        arm(at, a, c);
        b.hangUp();
        if (at == AnswerAt.AFTER_COMPLETION) {
            c.answer();
        }

        assertTalking(f, a, c);
    }

    @ParameterizedTest(name = "C answers {0}")
    @EnumSource(AnswerAt.class)
    @DisplayName("Consult transfer by SIP REFER with Replaces while C rings: A talks to C whenever C's answer arrives")
    void referConsultAnswerInAnyOrder(AnswerAt at) {
        FeatureFixture f = new FeatureFixture().start();
        FakeLeg a = f.connect(A, B);
        FakeLeg b2 = f.phone(B).call(C);
        FakeLeg c = f.phone(C).last();
        assertInstanceOf(CallState.Alerting.class, f.state(b2.call), "B's consult call rings C");

        arm(at, a, c);
        assertInstanceOf(FeatureOutcome.Done.class,
                f.done(f.calls.features().consultTransfer(a.call, Side.CALLED, b2.call)));
        if (at == AnswerAt.AFTER_COMPLETION) {
            c.answer();
        }

        assertTalking(f, a, c);
    }

    private static void arm(AnswerAt at, FakeLeg a, FakeLeg c) {
        switch (at) {
            case BEFORE_COMPLETION -> c.answer();
            case WHILE_CONSULT_CALL_IS_READ -> c.onNextParty.set(c::answer);
            case WHILE_TRANSFEREE_IS_MOVED -> a.onNextDisconnect.set(c::answer);
            case WHILE_TARGET_IS_MOVED -> c.onNextDisconnect.set(c::answer);
            case AFTER_COMPLETION -> {
            }
        }
    }

    private static void assertTalking(FeatureFixture f, FakeLeg a, FakeLeg c) {
        List<FeatureRecordEvent.Transferred> t = f.featureRecords(FeatureRecordEvent.Transferred.class);
        assertEquals(1, t.size(), "one consult transfer record");
        CallRef joined = t.getFirst().call();
        assertInstanceOf(CallState.Connected.class, f.state(joined), "A and C connected in the new call");
        assertInstanceOf(LegCommand.Connect.class, a.lastCommand().orElseThrow(), "A is connected, not left on ringback");
        assertNotNull(a.talkTo, "A's audio goes somewhere");
        short[] fromA = {1, 2, 3};
        short[] fromC = {4, 5, 6};
        a.talk(fromA);
        c.talk(fromC);
        assertTrue(c.heard.contains(fromA), "C hears A");
        assertTrue(a.heard.contains(fromC), "A hears C");
    }
}
