package org.tollgate.harness.sipconference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * Ad-hoc 3-party conference started from a SIP phone (issue 8) as RFC 4579: B has a held call with A
 * and an answered consult call with C; B INVITEs the conference factory URI
 * {@code sip:conference@gateway} (answered {@code 200} with {@code ;isfocus}) and REFERs the focus
 * with {@code Replaces} of each of its two dialogs. Real SIP and RTP; each phone sends its own tone.
 *
 * <p>Seed FAC/LPCOR configuration: A (1001) and B (1002) call from group LocalUser; C (1003) is
 * reached under policy LocalUser ({@code accept LocalUser fac}), so A→C and B→C need a FAC
 * (user 786, {@code param passwd 54321} predefined); A→B needs none.
 */
class SipAdHocConferenceTest {
    static final String PHONES = """
            voice register dn 1
             number 1001
            voice register dn 2
             number 1002
            voice register dn 3
             number 1003
            voice register pool 1
             number 1 dn 1
             lpcor incoming LocalUser
            voice register pool 2
             number 1 dn 2
             lpcor incoming LocalUser
            voice register pool 3
             number 1 dn 3
             lpcor incoming LocalUser
             lpcor outgoing LocalUser
            """;

    @TempDir
    Path data;
    private PhoneGateway gw;
    private AutoCloseable timers;

    @BeforeEach
    void start() throws Exception {
        gw = PhoneGateway.seed(PHONES, data);
        timers = ConferenceAudio.realTime(gw.timers());
    }

    @AfterEach
    void stop() throws Exception {
        timers.close();
        gw.close();
    }

    @Test
    @DisplayName("Row 'Ad-hoc conference: B asked to reach C (consult); A joins without': SIP phone B conferences A (held) and C through the RFC 4579 focus; each hears the other two tones and not its own; CONF records and CDRs")
    void adHocConferenceBAskedToReachCAJoinsWithout() throws Exception {
        SipPhone a = gw.registeredPhone("1001");
        SipPhone b = gw.registeredPhone("1002");
        SipPhone c = gw.registeredPhone("1003");

        // A calls B (no FAC), B answers and holds A
        PhoneCall ab = a.call("1002");
        PhoneCall ba = b.awaitIncoming();
        ba.answer();
        ab.expectState(PhoneCall.State.CONFIRMED);
        assertFalse(gw.anyFacAsked(), "A -> B needs no FAC");
        ba.hold();

        // B consults C: asked for a FAC (786 by INFO), C rings and answers
        PhoneCall bc = b.call("1003");
        PhoneGateway.await(() -> gw.facAskedFrom("1002"), "B is asked for a FAC to reach C");
        assertTrue(bc.awaitStatus(183), "the FAC prompt as early media (183)");
        bc.sendDigits("786#");
        PhoneCall cb = c.awaitIncoming();
        cb.answer();
        bc.expectState(PhoneCall.State.CONFIRMED);

        // B turns the two calls into a conference (RFC 4579)
        PhoneCall focus = b.call("conference");
        focus.expectState(PhoneCall.State.CONFIRMED);
        assertEquals(202, focus.referReplacing("1001", ba), "REFER with Replaces of B's dialog with A");
        assertEquals(202, focus.referReplacing("1003", bc), "REFER with Replaces of B's dialog with C");
        assertTrue(focus.awaitReferNotify("SIP/2.0 200 OK"), "the focus reports the parties added");
        ba.expectState(PhoneCall.State.TERMINATED);
        bc.expectState(PhoneCall.State.TERMINATED);
        assertTrue(ba.endedByPeer() && bc.endedByPeer(), "the gateway ends B's replaced dialogs (BYE)");
        assertFalse(gw.facAskedFrom("1001"), "A joins without FAC");
        assertEquals(List.of("1001", "1002", "1003"),
                gw.calls().features().conferences().values().iterator().next().parties());

        PhoneCall[] parties = {ab, focus, cb};
        for (int i = 0; i < 3; i++) {
            parties[i].media().playTone(ConferenceAudio.TONES[i]);
        }
        String[] names = {"A", "B (on the focus dialog)", "C"};
        for (int i = 0; i < 3; i++) {
            ConferenceAudio.awaitHearsOthersNotItself(names[i], parties[i], ConferenceAudio.TONES[i],
                    ConferenceAudio.othersThan(i));
        }

        // B leaves: A and C are left alone, so the ad-hoc conference ends and releases the last one
        focus.hangUp();
        ab.hangUp();
        cb.expectState(PhoneCall.State.TERMINATED);
        PhoneGateway.await(() -> gw.calls().features().conferences().isEmpty(), "the conference ended");
        PhoneGateway.await(() -> gw.features("CONF").stream().filter(f -> f.attributes().stream()
                .anyMatch(x -> x.key().equals("cfev") && x.value().equals("join"))).count() == 3,
                "three CONF join records: " + gw.features());
        List<FeatureRecord> conf = gw.features("CONF");
        assertTrue(conf.stream().allMatch(FeatureRecord::success));
        // one CDR leg per leg of the two calls (A-B, B-C), the consult with B's FAC success
        PhoneGateway.await(() -> gw.cdrs().size() >= 4, "CDR legs of both calls: " + gw.cdrs());
        assertTrue(gw.cdrs().stream().anyMatch(l -> l.callingNumber().equals("1002") && l.calledNumber().equals("1003")
                && l.facStatusText().equals("success") && l.facDigits().equals("786")), "B's consult CDR: FAC 786 success");
        assertTrue(gw.cdrs().stream().filter(l -> l.callingNumber().equals("1001"))
                .allMatch(l -> l.facStatus().isEmpty()), "A's call carries no FAC: " + gw.cdrs());
    }
}
