package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;
import static org.tollgate.harness.sipfeatures.SipRows.C;
import static org.tollgate.harness.sipfeatures.SipRows.D;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.harness.sip.phone.PhoneCall;

/**
 * SIP features that name their target exactly: a REFER to a park slot's number parks in that slot
 * (not the first free one), and an INVITE with {@code Replaces} naming a ringing phone's early
 * dialog picks up that dialog's call (not the oldest call ringing at the number).
 */
class NamedTargetsTest {
    private static final String TWO_SLOTS = """
            ephone-dn 50
             number 7001
             park-slot timeout 30 limit 1 recall
            ephone-dn 51
             number 7002
             park-slot timeout 30 limit 1 recall
            """;

    @TempDir
    Path data;

    @Test
    @DisplayName("Park by REFER to slot 7002 while 7001 is free parks in 7002 (final NOTIFY 200); C retrieves A by calling 7002")
    void parkInTheNamedSlot() throws Exception {
        try (SipRows r = SipRows.start(data, TWO_SLOTS)) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer("7002"));
            assertEquals(200, ReferProgressTest.status(ab.in().awaitFinalReferNotify()));
            ab.in().expectState(PhoneCall.State.TERMINATED);
            FeatureRecord park = r.awaitFeature("PARK");
            assertTrue(park.attributes().stream().anyMatch(a -> a.value().equals("7002")), park.vsa());
            PhoneCall fromC = r.phone(C).call("7002");
            fromC.expectState(PhoneCall.State.CONFIRMED);
            SipRows.assertTalking(ab.out(), fromC);
            fromC.hangUp();
            ab.out().expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Park by REFER to a slot in use is refused: final NOTIFY 486 Busy Here, the call goes on (no BYE to either party), nothing parked in the free slot")
    void parkInABusySlotIsRefused() throws Exception {
        try (SipRows r = SipRows.start(data, TWO_SLOTS)) {
            SipRows.Call ab = r.connect(A, B);
            assertEquals(202, ab.in().refer("7001"));
            assertEquals(200, ReferProgressTest.status(ab.in().awaitFinalReferNotify()));
            r.awaitFeature("PARK");
            SipRows.Call cd = r.connect(C, D);
            assertEquals(202, cd.in().refer("7001"));
            assertEquals(486, ReferProgressTest.status(cd.in().awaitFinalReferNotify()));
            assertEquals(PhoneCall.State.CONFIRMED, cd.in().state(), "D keeps its call");
            assertEquals(PhoneCall.State.CONFIRMED, cd.out().state(), "C keeps its call");
            SipRows.assertTalking(cd.out(), cd.in());
            assertEquals(1, r.gw.features("PARK").size(), "C was not parked elsewhere");
            cd.out().hangUp();
            cd.in().expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Directed pickup by INVITE with Replaces picks exactly the named early dialog's call: A then D call B; C names D's ringing dialog and gets D, A's call still rings at B")
    void pickupOfTheNamedDialog() throws Exception {
        try (SipRows r = SipRows.start(data, "")) {
            PhoneCall fromA = r.phone(A).call(B);
            PhoneCall atB1 = r.phone(B).awaitIncoming();
            r.awaitCall(A, B, "Alerting");
            PhoneCall fromD = r.phone(D).call(B);
            PhoneCall atB2 = r.phone(B).awaitIncoming();
            r.awaitCall(D, B, "Alerting");
            assertEquals(D, atB2.number(), "the second call at B is D's");
            PhoneCall fromC = r.phone(C).callReplacing(B, atB2.dialogId());
            fromC.expectState(PhoneCall.State.CONFIRMED);
            fromD.expectState(PhoneCall.State.CONFIRMED);
            atB2.expectState(PhoneCall.State.TERMINATED);
            SipRows.assertTalking(fromD, fromC);
            assertEquals(PhoneCall.State.EARLY, atB1.state(), "A's call still rings at B");
            r.awaitCall(A, B, "Alerting");
            fromC.hangUp();
            fromD.expectState(PhoneCall.State.TERMINATED);
            fromA.hangUp();
            atB1.expectState(PhoneCall.State.TERMINATED);
        }
    }
}
