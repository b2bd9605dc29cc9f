package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;
import static org.tollgate.harness.sipfeatures.SipRows.C;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.harness.sip.phone.PhoneCall;

/**
 * Spec section 6, rows "Blind transfer", "Consult transfer, completed while C is alerting" (cases
 * 1-3) and "Consult transfer, completed after C answered", with SIP phones A, B, C: B's phone
 * transfers by REFER (RFC 3515) without / with {@code Replaces} (RFC 3891), or C completes the
 * attended transfer from the target side by INVITE with {@code Replaces}.
 */
class TransferRowsTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("Blind transfer: A calls B, B answers and REFERs A to C: A is asked for FAC (again, the NOTIFY-triggered new call), B is not; A reaches C only after a valid FAC; BXFER recorded")
    void blindTransfer() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>B", "A>C", "B>C")) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall atB = r.phone(B).awaitIncoming();
            atB.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            assertEquals(202, atB.refer(C));
            assertTrue(atB.awaitReferNotify("SIP/2.0 100 Trying"), "B is told the transfer is under way");
            out.media().clearHeard();
            r.awaitAskedOn(A, out);
            assertFalse(r.gw.facAskedFrom(B), "the transferor is not asked");
            assertFalse(r.phone(C).hasIncoming(), "C is not offered the call before A's FAC");
            out.sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            assertEquals("SIP/2.0 200 OK", atB.awaitFinalReferNotify(), "B is told C answered");
            atB.expectState(PhoneCall.State.TERMINATED);
            SipRows.assertTalking(out, atC);
            FeatureRecord f = r.awaitFeature("BXFER");
            assertEquals(A, f.callingNumber());
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
            r.assertFacOnCdrs(A, C);
        }
    }

    @Test
    @DisplayName("Blind transfer: A enters an invalid FAC after B's REFER: A never reaches C")
    void blindTransferInvalidFac() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C")) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer(C));
            r.awaitAskedOn(A, ab.out());
            ab.out().sendDigits(SipRows.BAD_FAC);
            ab.out().expectState(PhoneCall.State.TERMINATED);
            assertFalse(r.phone(C).hasIncoming(), "C never rings");
        }
    }

    /** A–B connected; B holds A and calls C (the consult call). */
    private static PhoneCall[] consult(SipRows r) {
        SipRows.Call ab = r.connect(A, B);
        ab.in().hold();
        PhoneCall bc = r.phone(B).call(C);
        return new PhoneCall[] {ab.out(), ab.in(), bc};
    }

    @Test
    @DisplayName("Consult transfer while alerting, case 1: B->C needs FAC, A->C not: B must enter FAC before it can complete (a REFER before is refused 603), then A goes to C unasked")
    void consultWhileAlertingCase1() throws Exception {
        try (SipRows r = SipRows.start(data, "", "B>C")) {
            PhoneCall[] k = consult(r);
            r.awaitAskedOn(B, k[2]);
            assertTrue(k[2].awaitStatus(183), "B hears the FAC prompt");
            assertEquals(603, k[1].referReplacing(C, k[2]), "completion refused while B owes the FAC");
            assertFalse(r.phone(C).hasIncoming(), "not completed while B owes the FAC: C not offered");
            assertEquals(PhoneCall.State.CONFIRMED, k[0].state(), "A still in its call with B");
            k[2].sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            r.awaitCall(B, C, "Alerting");
            completeWhileAlerting(r, k, atC);
        }
    }

    @Test
    @DisplayName("Consult transfer while alerting, case 2: B->C and A->C need FAC: B enters FAC; A is not asked; A goes to C")
    void consultWhileAlertingCase2() throws Exception {
        try (SipRows r = SipRows.start(data, "", "B>C", "A>C")) {
            PhoneCall[] k = consult(r);
            r.awaitAskedOn(B, k[2]);
            k[2].sendDigits(SipRows.FAC);
            PhoneCall atC = r.phone(C).awaitIncoming();
            r.awaitCall(B, C, "Alerting");
            completeWhileAlerting(r, k, atC);
        }
    }

    @Test
    @DisplayName("Consult transfer while alerting, case 3: B->C needs none, A->C needs FAC: B completes; A is not asked; A goes to C")
    void consultWhileAlertingCase3() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C")) {
            PhoneCall[] k = consult(r);
            PhoneCall atC = r.phone(C).awaitIncoming();
            r.awaitCall(B, C, "Alerting");
            assertTrue(k[2].awaitStatus(180), "B hears ringing (180)");
            assertFalse(r.anyoneAsked(), "B is not asked for B->C");
            completeWhileAlerting(r, k, atC);
        }
    }

    /** B REFERs A with Replaces of its ringing consult dialog; C answers; A talks to C; nobody asked. */
    private static void completeWhileAlerting(SipRows r, PhoneCall[] k, PhoneCall atC) {
        assertEquals(202, k[1].referReplacing(C, k[2]));
        k[1].expectState(PhoneCall.State.TERMINATED);
        k[2].expectState(PhoneCall.State.TERMINATED);
        assertFalse(r.anyoneAsked(), "A is not asked");
        atC.answer();
        SipRows.assertTalking(k[0], atC);
        FeatureRecord f = r.awaitFeature("CXFER");
        assertEquals(A, f.callingNumber());
        k[0].hangUp();
        atC.expectState(PhoneCall.State.TERMINATED);
        r.assertNoFacOnCdrs(A, C);
    }

    @Test
    @DisplayName("Consult transfer, completed after C answered: A->C needs FAC, but none is asked; A is connected to C")
    void consultAfterAnswer() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C")) {
            PhoneCall[] k = consult(r);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            k[2].expectState(PhoneCall.State.CONFIRMED);
            assertEquals(202, k[1].referReplacing(C, k[2]));
            k[1].expectState(PhoneCall.State.TERMINATED);
            k[2].expectState(PhoneCall.State.TERMINATED);
            assertFalse(r.anyoneAsked());
            SipRows.assertTalking(k[0], atC);
            assertEquals(A, r.awaitFeature("CXFER").callingNumber());
            atC.hangUp();
            k[0].expectState(PhoneCall.State.TERMINATED);
            r.assertNoFacOnCdrs(A, C);
        }
    }

    @Test
    @DisplayName("Consult transfer, completed after C answered, from the target's side: C sends INVITE with Replaces naming B's dialog with A; A is connected to C without FAC; B gets BYE")
    void consultAfterAnswerByInviteWithReplaces() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>C", "C>A")) {
            SipRows.Call ab = r.connect(A, B);
            PhoneCall fromC = r.phone(C).callReplacing(A, ab.in().dialogId());
            fromC.expectState(PhoneCall.State.CONFIRMED);
            ab.in().expectState(PhoneCall.State.TERMINATED);
            assertTrue(ab.in().endedByPeer(), "B's replaced dialog ends with BYE");
            assertFalse(r.anyoneAsked());
            assertEquals(PhoneCall.State.CONFIRMED, ab.out().state(), "A keeps its dialog");
            SipRows.assertTalking(ab.out(), fromC);
            FeatureRecord f = r.awaitFeature("CXFER");
            assertEquals(A, f.callingNumber());
            ab.out().hangUp();
            fromC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("INVITE with Replaces naming no dialog of the gateway is answered 481; naming a caller's unanswered INVITE (an early dialog the gateway did not initiate) also 481")
    void replacesWithoutDialog() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>B")) {
            PhoneCall bogus = r.phone(C).callReplacing(A,
                    new PhoneCall.DialogId("no-such-call@127.0.0.1", "x1", "y2"));
            SipRows.assertFinal(bogus, 481);
            PhoneCall waiting = r.phone(A).call(B);
            r.awaitAsked(A);
            PhoneCall steal = r.phone(C).callReplacing(B, waiting.dialogId());
            SipRows.assertFinal(steal, 481);
            waiting.hangUp();
        }
    }
}
