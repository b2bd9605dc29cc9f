package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * The seed configuration itself ({@code examples/cme-fac.cfg}, unchanged, plus a second LocalUser
 * ephone line 786787 and a group-less SIP phone 2001): the CIPC phone 786786 as a SIP phone. In the
 * seed every call between LocalUser lines needs a FAC ({@code accept LocalUser fac}); the auth
 * package takes user 786 with the predefined password.
 */
class SeedConfigSipRowsTest {
    private static final String EXTRA = """
            ephone-dn 103
             number 786787
            ephone 103
             lpcor type local
             lpcor incoming LocalUser
             lpcor outgoing LocalUser
             button 1:103
            voice register dn 1
             number 2001
            voice register pool 1
             number 1 dn 1
            """;

    @TempDir
    Path data;

    @Test
    @DisplayName("Seed config, blind transfer row over SIP: 786786 calls 2001 (no FAC), 2001 REFERs it to LocalUser 786787: 786786 hears the seed's user prompt, keys 786#, and 786787 rings; BXFER recorded, the new call's CDRs carry FAC 786")
    void seedBlindTransfer() throws Exception {
        try (PhoneGateway gw = PhoneGateway.seed(EXTRA, data)) {
            SipPhone hussain = gw.registeredPhone("786786");
            SipPhone other = gw.registeredPhone("786787");
            SipPhone b = gw.registeredPhone("2001");
            PhoneCall out = hussain.call("2001");
            PhoneCall atB = b.awaitIncoming();
            assertFalse(gw.anyFacAsked(), "786786 -> 2001 needs no FAC");
            atB.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            out.media().clearHeard();
            assertEquals(202, atB.refer("786787"));
            PhoneGateway.await(() -> gw.facAskedFrom("786786"), "the transferee is asked");
            assertTrue(PhoneGatewayChecks.poll(() -> out.media().heard() == Heard.VOICE), "786786 hears the prompt");
            assertFalse(other.hasIncoming(), "786787 not offered before the FAC");
            out.sendDigits(SipRows.FAC);
            PhoneCall atOther = other.awaitIncoming();
            atOther.answer();
            SipRows.assertTalking(out, atOther);
            PhoneGateway.await(() -> !gw.features("BXFER").isEmpty(), "BXFER recorded");
            out.hangUp();
            atOther.expectState(PhoneCall.State.TERMINATED);
            PhoneGateway.await(() -> gw.cdrs().stream().anyMatch(r -> r.calledNumber().equals("786787")),
                    "the transfer call's CDRs");
            assertTrue(gw.cdrs().stream().filter(r -> r.calledNumber().equals("786787"))
                    .allMatch(r -> r.facDigits().equals("786")), gw.cdrs().toString());
        }
    }

    @Test
    @DisplayName("Seed config, basic call row over SIP: 786786 calling LocalUser 786787 is asked (accept LocalUser fac) and reaches it only with the code")
    void seedBasicCall() throws Exception {
        try (PhoneGateway gw = PhoneGateway.seed(EXTRA, data)) {
            SipPhone hussain = gw.registeredPhone("786786");
            SipPhone other = gw.registeredPhone("786787");
            PhoneCall out = hussain.call("786787");
            PhoneGateway.await(() -> gw.facAskedFrom("786786"), "786786 is asked");
            assertTrue(out.awaitStatus(183));
            assertFalse(other.hasIncoming());
            out.sendDigits(SipRows.FAC);
            PhoneCall in = other.awaitIncoming();
            in.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            in.hangUp();
            out.expectState(PhoneCall.State.TERMINATED);
        }
    }
}
