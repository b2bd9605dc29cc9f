package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;
import static org.tollgate.harness.sipfeatures.SipRows.C;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.sip.phone.PhoneCall;

/**
 * REFER progress (RFC 3515 section 2.4.5) seen by the transferor's SIP phone: {@code SIP/2.0 100
 * Trying} (subscription active) right after the 202, then one final sipfrag with the real outcome
 * of the transfer (subscription terminated); the transferor's leg is released (BYE) only after it.
 */
class ReferProgressTest {
    @TempDir
    Path data;

    /** The status code of a {@code message/sipfrag} status line ({@code SIP/2.0 486 Busy Here} → 486). */
    static int status(String sipfrag) {
        String line = sipfrag.trim();
        if (!line.startsWith("SIP/2.0 ")) {
            throw new AssertionError("not a sipfrag status line: " + sipfrag);
        }
        return Integer.parseInt(line.substring(8, 11));
    }

    @Test
    @DisplayName("Blind transfer answered: B's REFER of A to C gets NOTIFY 100 Trying (active) while C rings, B's dialog stays until then, and 200 OK (terminated) once C answers; then B gets BYE")
    void blindTransferAnswered() throws Exception {
        try (SipRows r = SipRows.start(data, "")) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer(C));
            PhoneCall atC = r.phone(C).awaitIncoming();
            r.awaitCall(A, C, "Alerting");
            assertEquals(List.of(100), ab.in().referNotifies().stream().map(ReferProgressTest::status).toList(),
                    "only the provisional sipfrag while C rings");
            assertEquals(PhoneCall.State.CONFIRMED, ab.in().state(), "B is released only after the outcome");
            atC.answer();
            assertEquals(200, status(ab.in().awaitFinalReferNotify()));
            assertEquals(List.of("active", "terminated"), ab.in().referStates());
            ab.in().expectState(PhoneCall.State.TERMINATED);
            SipRows.assertTalking(ab.out(), atC);
            ab.out().hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("The transferor hangs up right after the 202, before the outcome: its BYE is answered 200 (the dialog is still known, not 481) and the transfer goes on: A talks to C")
    void transferorHangsUpEarly() throws Exception {
        try (SipRows r = SipRows.start(data, "")) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer(C));
            assertTrue(ab.in().awaitReferNotify("SIP/2.0 100 Trying"));
            assertEquals(200, ab.in().bye(), "B's BYE");
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            SipRows.assertTalking(ab.out(), atC);
            ab.out().hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Blind transfer to a busy target: C refuses 486: B's final sipfrag is SIP/2.0 486 Busy Here, then BYE; A's new call fails (A released)")
    void blindTransferBusy() throws Exception {
        try (SipRows r = SipRows.start(data, "")) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer(C));
            r.phone(C).awaitIncoming().refuse(486);
            assertEquals(486, status(ab.in().awaitFinalReferNotify()));
            assertEquals(100, status(ab.in().referNotifies().getFirst()));
            ab.in().expectState(PhoneCall.State.TERMINATED);
            ab.out().expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Blind transfer blocked by LPCOR (C's policy does not accept A's group; call-block cause call-reject): B's final sipfrag is SIP/2.0 403 Forbidden; C never rings")
    void blindTransferLpcorBlocked() throws Exception {
        try (SipRows r = SipRows.start(data, """
                voice lpcor call-block cause call-reject
                voice lpcor policy GC
                 accept GB
                """)) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer(C));
            assertEquals(403, status(ab.in().awaitFinalReferNotify()));
            ab.in().expectState(PhoneCall.State.TERMINATED);
            ab.out().expectState(PhoneCall.State.TERMINATED);
            assertEquals(false, r.phone(C).hasIncoming(), "C never rings");
        }
    }

    @Test
    @DisplayName("Consult transfer after answer: B's REFER with Replaces gets 100 Trying (active), then 200 OK (terminated) once A is joined to C")
    void consultTransfer() throws Exception {
        try (SipRows r = SipRows.start(data, "")) {
            SipRows.Call ab = r.connect(A, B);
            ab.in().hold();
            PhoneCall bc = r.phone(B).call(C);
            PhoneCall atC = r.phone(C).awaitIncoming();
            atC.answer();
            bc.expectState(PhoneCall.State.CONFIRMED);
            assertEquals(202, ab.in().referReplacing(C, bc));
            assertEquals(200, status(ab.in().awaitFinalReferNotify()));
            assertEquals(List.of(100, 200), ab.in().referNotifies().stream().map(ReferProgressTest::status).toList());
            assertEquals(List.of("active", "terminated"), ab.in().referStates());
            ab.in().expectState(PhoneCall.State.TERMINATED);
            SipRows.assertTalking(ab.out(), atC);
            atC.hangUp();
            ab.out().expectState(PhoneCall.State.TERMINATED);
        }
    }
}
