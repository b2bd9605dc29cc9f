package org.tollgate.harness.sipfeatures;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.harness.sipfeatures.SipRows.A;
import static org.tollgate.harness.sipfeatures.SipRows.B;
import static org.tollgate.harness.sipfeatures.SipRows.C;
import static org.tollgate.harness.sipfeatures.SipRows.D;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * Spec section 6, rows "Parallel hunt group" and "Single number reach / Third-party call control /
 * Whisper intercom" (FAC not supported), with SIP phones as the called members.
 */
class HuntAndExemptRowsTest {
    @TempDir
    Path data;

    @Test
    @DisplayName("Parallel hunt group: A calls pilot 5000 (list 1002,1003): both SIP phones ring at once without FAC although A->B and A->C need one; C answers, B is cancelled; A and C talk")
    void parallelHunt() throws Exception {
        try (SipRows r = SipRows.start(data, """
                voice hunt-group 1 parallel
                 pilot 5000
                 list 1002,1003
                 timeout 20
                """, "A>B", "A>C")) {
            PhoneCall out = r.phone(A).call("5000");
            PhoneCall atB = r.phone(B).awaitIncoming();
            PhoneCall atC = r.phone(C).awaitIncoming();
            assertFalse(r.anyoneAsked(), "FAC not supported for parallel hunt");
            atC.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            atB.expectState(PhoneCall.State.TERMINATED);
            assertTrue(atB.endedByPeer(), "the other member is cancelled");
            SipRows.assertTalking(out, atC);
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    @Test
    @DisplayName("Whisper intercom: ephone-dn 1009 with intercom 1003 calls SIP phone C without FAC although it needs one; C's INVITE asks for auto-answer (Answer-Mode: Auto, Call-Info answer-after=0)")
    void intercomToSipPhoneAsksForAutoAnswer() throws Exception {
        try (SipRows r = SipRows.start(data, """
                voice lpcor policy GC
                 service fac
                 accept GA fac
                 accept GB fac
                 accept GD fac
                ephone-dn 9
                 number 1009
                 intercom 1003
                ephone 9
                 button 1:9
                 lpcor incoming GD
                """)) {
            SipPhone intercom = r.gw.registeredPhone("1009");
            PhoneCall out = intercom.call(C);
            PhoneCall atC = r.phone(C).awaitIncoming();
            assertFalse(r.anyoneAsked(), "FAC not supported for whisper intercom");
            assertTrue(atC.offerHeaders("Answer-Mode").contains("Auto"), atC.offerHeaders("Answer-Mode").toString());
            assertTrue(atC.offerHeaders("Call-Info").stream().anyMatch(v -> v.endsWith(";answer-after=0")),
                    atC.offerHeaders("Call-Info").toString());
            atC.answer();
            out.expectState(PhoneCall.State.CONFIRMED);
            out.hangUp();
            atC.expectState(PhoneCall.State.TERMINATED);
        }
    }

    /** The controlling side of a feature-made call (SNR's anchor, the 3pcc controller, the intercom caller). */
    private static final class ControllerLeg implements LegSignaling {
        final List<LegCommand> commands = new CopyOnWriteArrayList<>();

        @Override public void handle(LegCommand command) {
            commands.add(command);
        }

        @Override public String describe() {
            return "controller";
        }
    }

    @ParameterizedTest(name = "{0}: FAC not supported")
    @ValueSource(strings = {"Single number reach (SNR)", "Third-party call control (3pcc)", "Whisper intercom"})
    @DisplayName("SNR / 3pcc / whisper intercom: the feature's call from D to SIP phone C is placed without FAC although D->C needs one (FeatureService.startFacExemptCall; the features' own logic is not built)")
    void facNotSupported(String row) throws Exception {
        try (SipRows r = SipRows.start(data, "", "D>C")) {
            ControllerLeg controller = new ControllerLeg();
            r.gw.calls().features().startFacExemptCall(new Caller("voice register pool 4", D, row, java.util.Optional.of("GD")),
                    controller, C);
            PhoneCall atC = r.phone(C).awaitIncoming();
            assertFalse(r.anyoneAsked(), row + ": nobody is asked");
            atC.answer();
            PhoneGateway.await(() -> controller.commands.stream().anyMatch(LegCommand.Connect.class::isInstance),
                    "the controller is connected to C");
            atC.hangUp();
        }
    }
}
