package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;
import static org.tollgate.harness.sipfeatures.SipRows.C;
import static org.tollgate.harness.sipfeatures.SipRows.D;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.harness.sip.phone.PhoneCall;

/**
 * Spec section 6, rows "Call park and retrieve", "Park recall" and "Group pickup" (plus directed
 * pickup), with SIP phones: B parks A by REFER to the park-slot number (the CME way), C retrieves by
 * calling the slot, the recall timer is advanced on the manual scheduler; pickups are feature codes
 * dialled as the INVITE's number, or an INVITE with {@code Replaces} naming the ringing dialog.
 */
class ParkPickupRowsTest {
    @TempDir
    Path data;

    /** A calls B (entering the FAC when A->B needs one), B answers and parks A by REFER to slot 7001; B's dialog ends. */
    private static PhoneCall parkedByB(SipRows r, boolean facToB) {
        SipRows.Call ab;
        if (facToB) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall in = r.phone(B).awaitIncoming();
            in.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            ab = new SipRows.Call(out, in);
        } else {
            ab = r.connect(A, B);
        }
        assertEquals(202, ab.in().refer("7001"));
        ab.in().expectState(PhoneCall.State.TERMINATED);
        FeatureRecord park = r.awaitFeature("PARK");
        assertTrue(park.attributes().stream().anyMatch(a -> a.value().equals("7001")), park.vsa());
        assertEquals(PhoneCall.State.CONFIRMED, ab.out().state(), "A stays in its dialog while parked");
        return ab.out();
    }

    @Test
    @DisplayName("Call park and retrieve: no FAC for a parked call; C retrieving parked A (calling slot 7001) is not asked even if C->A needs FAC; A and C talk; PARK and PARKRET recorded")
    void parkAndRetrieve() throws Exception {
        try (SipRows r = SipRows.start(data, """
                ephone-dn 50
                 number 7001
                 park-slot timeout 30 limit 1 recall
                """, "C>A", "A>B")) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            out.sendDigits(SipRows.FAC);
            PhoneCall atB = r.phone(B).awaitIncoming();
            atB.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            assertEquals(202, atB.refer("7001"));
            atB.expectState(PhoneCall.State.TERMINATED);
            r.awaitFeature("PARK");
            assertFalse(r.anyoneAsked(), "parking asks nobody");
            PhoneCall fromC = r.phone(C).call("7001");
            fromC.expectState(PhoneCall.State.CONFIRMED);
            assertFalse(r.anyoneAsked(), "the retriever is not asked");
            SipRows.assertTalking(out, fromC);
            r.awaitFeature("PARKRET");
            fromC.hangUp();
            out.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Park recall: parked A times out (30 s, advanced) and recalls to D (park-slot ... transfer 1004): D is not asked even though A->D needs FAC; A and D talk; PARKREC recorded")
    void parkRecall() throws Exception {
        try (SipRows r = SipRows.start(data, """
                ephone-dn 50
                 number 7001
                 park-slot timeout 30 limit 1 transfer 1004
                """, "A>D")) {
            PhoneCall a = parkedByB(r, false);
            r.gw.advance(Duration.ofSeconds(29));
            assertFalse(r.phone(D).hasIncoming(), "no recall before the timeout");
            r.gw.advance(Duration.ofSeconds(1));
            PhoneCall atD = r.phone(D).awaitIncoming();
            assertEquals(A, atD.number(), "the recall comes from A");
            assertFalse(r.anyoneAsked(), "the recall is FAC-exempt");
            atD.answer();
            SipRows.assertTalking(a, atD);
            r.awaitFeature("PARKREC");
            atD.hangUp();
            a.expectState(PhoneCall.State.TERMINATED);
            r.assertNoFacOnCdrs(A, D);
        }
    }

    @Test
    @DisplayName("Park recall to the parker (park-slot ... recall): parked A times out and rings B again; B is not asked even though A->B needs FAC; PARKREC recorded")
    void parkRecallToParker() throws Exception {
        try (SipRows r = SipRows.start(data, """
                ephone-dn 50
                 number 7001
                 park-slot timeout 30 limit 1 recall
                """, "A>B")) {
            PhoneCall a = parkedByB(r, true);
            r.gw.advance(Duration.ofSeconds(30));
            PhoneCall atB = r.phone(B).awaitIncoming();
            assertEquals(A, atB.number());
            assertFalse(r.anyoneAsked(), "the recall is FAC-exempt");
            atB.answer();
            SipRows.assertTalking(a, atB);
            r.awaitFeature("PARKREC");
            a.hangUp();
            atB.expectState(PhoneCall.State.TERMINATED);
        }
    }

    private static final Map<String, String> GROUP_5 = Map.of(B, " pickup-group 5", C, " pickup-group 5");

    /** A calls B (no FAC for A->B); B's phone rings. */
    private static PhoneCall[] ringingAtB(SipRows r) {
        PhoneCall out = r.phone(A).call(B);
        PhoneCall atB = r.phone(B).awaitIncoming();
        r.awaitCall(A, B, "Alerting");
        return new PhoneCall[] {out, atB};
    }

    /** C picked up: B stops ringing, A and C talk, nobody was asked. */
    private static void pickedByC(SipRows r, PhoneCall[] k, PhoneCall fromC, String feature) {
        fromC.expectState(PhoneCall.State.CONFIRMED);
        k[0].expectState(PhoneCall.State.CONFIRMED);
        k[1].expectState(PhoneCall.State.TERMINATED);
        assertTrue(k[1].endedByPeer(), "B's ringing INVITE is cancelled");
        assertFalse(r.anyoneAsked(), "the picker is not asked");
        SipRows.assertTalking(k[0], fromC);
        FeatureRecord f = r.awaitFeature(feature);
        assertTrue(f.attributes().stream().anyMatch(a -> a.value().equals(C)), f.vsa());
        fromC.hangUp();
        k[0].expectState(PhoneCall.State.TERMINATED);
    }

    @Test
    @DisplayName("Group pickup: C answering A's call to B by group pickup (**3 from its SIP phone, both in pickup-group 5) is not asked even if C->A needs FAC; GPICKUP recorded")
    void groupPickup() throws Exception {
        try (SipRows r = SipRows.start(data, "", GROUP_5, "C>A")) {
            PhoneCall[] k = ringingAtB(r);
            pickedByC(r, k, r.phone(C).call("**3"), "GPICKUP");
        }
    }

    @Test
    @DisplayName("After a group pickup the picker's SIP phone can transfer the picked-up caller: C picks up A's call, then REFERs A to D; A is asked for A->D (a new call) and reaches D")
    void pickupThenBlindTransfer() throws Exception {
        try (SipRows r = SipRows.start(data, "", GROUP_5, "A>D")) {
            PhoneCall[] k = ringingAtB(r);
            PhoneCall fromC = r.phone(C).call("**3");
            fromC.expectState(PhoneCall.State.CONFIRMED);
            k[0].expectState(PhoneCall.State.CONFIRMED);
            r.awaitFeature("GPICKUP");
            assertEquals(202, fromC.refer(D), "the picker's dialog knows its new call");
            k[0].media().clearHeard();
            r.awaitAskedOn(A, k[0]);
            k[0].sendDigits(SipRows.FAC);
            PhoneCall atD = r.phone(D).awaitIncoming();
            atD.answer();
            fromC.expectState(PhoneCall.State.TERMINATED);
            SipRows.assertTalking(k[0], atD);
            assertEquals(A, r.awaitFeature("BXFER").callingNumber());
            atD.hangUp();
            k[0].expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Directed pickup: C dials **5 1002 # from its SIP phone and takes A's call ringing at B without FAC although C->A needs one; DPICKUP recorded")
    void directedPickupByCode() throws Exception {
        try (SipRows r = SipRows.start(data, "", "C>A")) {
            PhoneCall[] k = ringingAtB(r);
            pickedByC(r, k, r.phone(C).call("**5" + B + "#"), "DPICKUP");
        }
    }

    @Test
    @DisplayName("Directed pickup by INVITE with Replaces (RFC 3891) naming the gateway's early dialog with ringing B: C takes A's call without FAC although C->A needs one; DPICKUP recorded")
    void directedPickupByReplaces() throws Exception {
        try (SipRows r = SipRows.start(data, "", "C>A")) {
            PhoneCall[] k = ringingAtB(r);
            pickedByC(r, k, r.phone(C).callReplacing(B, k[1].dialogId()), "DPICKUP");
        }
    }
}
