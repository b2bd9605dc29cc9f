package org.tollgate.dsp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.RtpTestSupport;
import org.tollgate.dsp.rtp.StreamOptions;
import org.tollgate.dsp.tone.CallProgressTone;
import org.tollgate.dsp.tone.Heard;
import org.tollgate.dsp.tone.ToneClassifier;
import org.tollgate.dsp.tone.ToneGenerator;

class MediaRelayTest {
    @Test
    @DisplayName("Media relay: RTP in on one B2BUA leg goes out on the other, both directions, with per-leg counters")
    void relaysBothWays() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpTestSupport.Legs legs = t.legsWithPhones();
            RtpStream legA = legs.legA();
            RtpStream legB = legs.legB();
            RtpStream phoneA = legs.phoneA();
            RtpStream phoneB = legs.phoneB();
            RtpTestSupport.RecordingSink heardAtB = new RtpTestSupport.RecordingSink();
            RtpTestSupport.RecordingSink heardAtA = new RtpTestSupport.RecordingSink();
            phoneB.setSink(heardAtB);
            phoneA.setSink(heardAtA);
            try (MediaRelay relay = new MediaRelay(legA, legB)) {
                phoneA.play(new ToneGenerator(CallProgressTone.RINGBACK));
                phoneB.play(new ToneGenerator(CallProgressTone.DIAL));
                t.tick(50, List.of(phoneA, phoneB), List.of(legA, legB));
                RtpTestSupport.await(() -> phoneB.counters().packetsReceived() == phoneA.counters().packetsSent()
                        && phoneA.counters().packetsReceived() == phoneB.counters().packetsSent(), "relayed packets");
                MediaRelay.Counters c = relay.counters();
                assertEquals(50, c.legA().packetsReceived());
                assertEquals(50, c.legB().packetsSent());
                assertEquals(50, c.legB().packetsReceived());
                assertEquals(50, c.legA().packetsSent());
                assertEquals(50 * 160, c.legB().octetsSent());
            }
            t.tick(5, List.of(), List.of());
            assertEquals(Heard.RINGBACK, ToneClassifier.classify(heardAtB.audio()));
            assertEquals(Heard.DIAL_TONE, ToneClassifier.classify(heardAtA.audio()));
            assertTrue(heardAtB.frames.size() >= 45);
        }
    }

    @Test
    @DisplayName("Media relay between a PCMU leg and a PCMA leg transcodes G.711 (μ-law <-> A-law, payload type 0 <-> 8) both ways; telephone-event payload types are rewritten")
    void transcodesBetweenLaws() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            StreamOptions ulaw = StreamOptions.defaults();
            StreamOptions alaw = new StreamOptions(org.tollgate.dsp.rtp.Codec.PCMA, 96, ulaw.symmetric(),
                    ulaw.sendSilence(), null);
            RtpTestSupport.Legs legs = t.legsWithPhones(ulaw, alaw);
            RtpStream legA = legs.legA();
            RtpStream legB = legs.legB();
            RtpStream phoneA = legs.phoneA();
            RtpStream phoneB = legs.phoneB();
            RtpTestSupport.RecordingSink heardAtB = new RtpTestSupport.RecordingSink();
            RtpTestSupport.RecordingSink heardAtA = new RtpTestSupport.RecordingSink();
            phoneB.setSink(heardAtB);
            phoneA.setSink(heardAtA);
            try (MediaRelay relay = new MediaRelay(legA, legB)) {
                phoneA.play(new ToneGenerator(CallProgressTone.RINGBACK));
                phoneB.play(new ToneGenerator(CallProgressTone.DIAL));
                phoneA.sendDigit(org.tollgate.dsp.dtmf.DtmfDigit.ofSymbol('5').orElseThrow(), 100);
                t.tick(50, List.of(phoneA, phoneB), List.of(legA, legB));
                RtpTestSupport.await(() -> phoneB.counters().packetsReceived() == phoneA.counters().packetsSent()
                        && phoneA.counters().packetsReceived() == phoneB.counters().packetsSent(), "relayed packets");
                assertEquals(0, phoneA.counters().discarded(), "A gets PCMU only");
                assertEquals(0, phoneB.counters().discarded(), "B gets PCMA and its telephone-event type only");
            }
            t.tick(5, List.of(), List.of());
            assertEquals(Heard.RINGBACK, ToneClassifier.classify(heardAtB.audio()));
            assertEquals(Heard.DIAL_TONE, ToneClassifier.classify(heardAtA.audio()));
            assertEquals(List.of('5'), heardAtB.digits.stream().map(d -> d.digit().symbol()).distinct().toList(),
                    "A's RFC 4733 digit reaches B under B's payload type 96");
        }
    }

    @Test
    @DisplayName("A leg that relays RTP still sends its own RFC 4733 digits (sendDigit) to its peer, next to the relayed packets")
    void ownDigitsWhileRelaying() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpTestSupport.Legs legs = t.legsWithPhones();
            RtpStream legA = legs.legA();
            RtpStream legB = legs.legB();
            RtpStream phoneA = legs.phoneA();
            RtpStream phoneB = legs.phoneB();
            RtpTestSupport.RecordingSink heardAtB = new RtpTestSupport.RecordingSink();
            phoneB.setSink(heardAtB);
            try (MediaRelay relay = new MediaRelay(legA, legB)) {
                phoneA.play(new ToneGenerator(CallProgressTone.RINGBACK));
                legB.sendDigit(org.tollgate.dsp.dtmf.DtmfDigit.ofSymbol('7').orElseThrow(), 100);
                t.tick(20, List.of(phoneA, phoneB), List.of(legA, legB));
                RtpTestSupport.await(() -> !heardAtB.digits.isEmpty(), "digit at B");
            }
            assertEquals(List.of('7'), heardAtB.digits.stream().map(d -> d.digit().symbol()).distinct().toList());
        }
    }
}
