package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.sip.phone.PhoneCall;

/** Spec section 6, row "Basic call", with SIP phones A and B on the real gateway. */
class BasicCallRowTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("Basic call: A calls B, B requires FAC: A is asked (183 + prompt), B rings only after a valid FAC, A is connected to B; CDR legs carry the FAC")
    void basicCall() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>B")) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAskedOn(A, out);
            assertTrue(out.awaitStatus(183), "the FAC prompt as early media");
            assertFalse(r.phone(B).hasIncoming(), "B is not offered the call before the FAC");
            out.sendDigits(SipRows.FAC);
            PhoneCall in = r.phone(B).awaitIncoming();
            in.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            SipRows.assertTalking(out, in);
            out.hangUp();
            in.expectState(PhoneCall.State.TERMINATED);
            r.assertFacOnCdrs(A, B);
        }
    }

    @Test
    @DisplayName("Basic call: A enters an invalid FAC: the call is refused and B is never offered it")
    void basicCallInvalidFac() throws Exception {
        try (SipRows r = SipRows.start(data, "", "A>B")) {
            PhoneCall out = r.phone(A).call(B);
            r.awaitAsked(A);
            out.sendDigits(SipRows.BAD_FAC);
            out.expectState(PhoneCall.State.TERMINATED);
            assertNotEquals(200, out.finalStatus());
            assertFalse(r.phone(B).hasIncoming(), "B never rings");
        }
    }
}
