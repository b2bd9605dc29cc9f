package org.tollgate.harness.sipconference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.harness.sip.phone.PhoneCall;
import org.tollgate.harness.sip.phone.PhoneGateway;
import org.tollgate.harness.sip.phone.SipPhone;

/**
 * Meet-me conference (issue 8) joined by SIP phones over real SIP and RTP: three phones dial the
 * meet-me number 8000 ({@code ephone-dn 60} with {@code conference meetme}); each sends its own tone
 * and must hear the other two and not itself. Seed FAC/LPCOR configuration: every phone-to-phone
 * call needs a FAC (policy LocalUser {@code accept LocalUser fac}), so the row "Meet-me: never" is
 * visible.
 */
class SipMeetMeTest {
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
             lpcor outgoing LocalUser
            voice register pool 2
             number 1 dn 2
             lpcor incoming LocalUser
             lpcor outgoing LocalUser
            voice register pool 3
             number 1 dn 3
             lpcor incoming LocalUser
             lpcor outgoing LocalUser
            ephone-dn 60
             number 8000
             conference meetme
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
    @DisplayName("Row 'Meet-me: never': three SIP phones dial the meet-me number and join without FAC (a direct call between them asks for one); each hears the other two tones and not its own; MEETME records and CDRs")
    void meetMeNever() throws Exception {
        List<SipPhone> phones = new ArrayList<>();
        for (String n : List.of("1001", "1002", "1003")) {
            phones.add(gw.registeredPhone(n));
        }
        // the policy is real: 1001 -> 1002 directly needs a FAC
        PhoneCall direct = phones.get(0).call("1002");
        PhoneGateway.await(() -> gw.facAskedFrom("1001"), "a direct call 1001 -> 1002 asks 1001 for a FAC");
        direct.hangUp();
        PhoneGateway.await(() -> gw.activeCalls().isEmpty(), "the direct call ended");

        List<PhoneCall> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PhoneCall c = phones.get(i).call("8000");
            c.expectState(PhoneCall.State.CONFIRMED);
            assertFalse(gw.anyFacAsked(), "joining the meet-me asks nobody for a FAC");
            c.media().playTone(ConferenceAudio.TONES[i]);
            calls.add(c);
        }
        assertEquals(List.of("1001", "1002", "1003"), gw.calls().features().conferences().get("8000").parties());
        for (int i = 0; i < 3; i++) {
            ConferenceAudio.awaitHearsOthersNotItself("phone " + (i + 1), calls.get(i), ConferenceAudio.TONES[i],
                    ConferenceAudio.othersThan(i));
        }

        calls.get(0).hangUp();
        calls.get(0).expectState(PhoneCall.State.TERMINATED);
        // the two left still hear each other (a meet-me ends only when the last one leaves)
        ConferenceAudio.awaitHearsOthersNotItself("phone 2 after 1 left", calls.get(1), ConferenceAudio.TONES[1],
                ConferenceAudio.TONES[2]);
        calls.get(1).hangUp();
        calls.get(2).hangUp();
        PhoneGateway.await(() -> gw.calls().features().conferences().isEmpty(), "the meet-me ended with its last party");
        PhoneGateway.await(() -> gw.features("MEETME").size() >= 6, "MEETME joined and left records: " + gw.features());
        assertTrue(gw.features("MEETME").stream().allMatch(f -> f.success()));
        PhoneGateway.await(() -> gw.cdrs().stream().filter(r -> "8000".equals(r.calledNumber())).count() >= 3,
                "a CDR leg for each meet-me call: " + gw.cdrs());
        assertFalse(gw.anyFacAsked());
    }

    @Test
    @DisplayName("SIP phones and an analog port in one meet-me: the analog phone hears the SIP phones' tones, both SIP phones hear the analog phone's DTMF, and the SIP phones hear each other and not themselves")
    void sipPhonesAndAnalogPortMixed() throws Exception {
        PhoneCall p1 = gw.registeredPhone("1001").call("8000");
        PhoneCall p2 = gw.registeredPhone("1002").call("8000");
        p1.expectState(PhoneCall.State.CONFIRMED);
        p2.expectState(PhoneCall.State.CONFIRMED);
        SimulatedPhone analog = (SimulatedPhone) gw.services().module().ports().port("0/1/0").orElseThrow().driver();
        analog.offHook();
        analog.dial("8000");
        PhoneGateway.await(() -> gw.calls().features().conferences().containsKey("8000")
                && gw.calls().features().conferences().get("8000").parties().size() == 3, "the analog phone joined");
        assertFalse(gw.anyFacAsked());

        p1.media().playTone(ConferenceAudio.TONES[1]);
        p2.media().playTone(ConferenceAudio.TONES[2]);
        ConferenceAudio.awaitHearsOthersNotItself("SIP phone 1001", p1, ConferenceAudio.TONES[1], ConferenceAudio.TONES[2]);
        ConferenceAudio.awaitHearsOthersNotItself("SIP phone 1002", p2, ConferenceAudio.TONES[2], ConferenceAudio.TONES[1]);
        PhoneGateway.await(() -> analog.hearing().equals("voice"), "the analog phone hears the SIP phones: " + analog.history());

        // the SIP phones go quiet; the analog phone keys 5: its in-band DTMF reaches both through the mix
        p1.media().silence();
        p2.media().silence();
        PhoneGateway.await(() -> analog.hearing().equals("silence"), "quiet: " + analog.history());
        p1.media().clearHeard();
        p2.media().clearHeard();
        analog.dial("5");
        PhoneGateway.await(() -> p1.media().digitsHeard().contains("5"), "1001 hears the analog phone's 5");
        PhoneGateway.await(() -> p2.media().digitsHeard().contains("5"), "1002 hears the analog phone's 5");

        analog.onHook();
        p1.hangUp();
        p2.hangUp();
        PhoneGateway.await(() -> gw.calls().features().conferences().isEmpty(), "the meet-me ended");
    }
}
