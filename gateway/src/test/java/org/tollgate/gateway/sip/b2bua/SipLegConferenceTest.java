package org.tollgate.gateway.sip.b2bua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.DetachedLeg;
import org.tollgate.callcontrol.engine.internal.LegRouter;
import org.tollgate.callcontrol.feature.conference.ConferenceBridge;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.record.FeatureRecordEvent;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.rtp.Codec;
import org.tollgate.dsp.rtp.MediaSink;
import org.tollgate.dsp.rtp.RtpEngine;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.StreamOptions;
import org.tollgate.dsp.sched.ManualMediaScheduler;
import org.tollgate.dsp.tone.SineSource;
import org.tollgate.dsp.tone.ToneMeter;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * SIP legs as mixable audio in the real {@code callcontrol} {@link ConferenceBridge}: each leg's
 * RTP stream on the gateway (real UDP on 127.0.0.1) faces a simulated phone's stream sending its own
 * tone; the RTP engine and the bridge run on manual clocks advanced in 20 ms steps.
 */
class SipLegConferenceTest {
    private static final double[] TONES = {600, 1000, 1400};
    private static final double LEVEL = -12;

    private final ManualMediaScheduler media = new ManualMediaScheduler();
    private final ManualScheduler calls = new ManualScheduler();
    private final List<FeatureRecordEvent> records = new CopyOnWriteArrayList<>();
    private RtpEngine rtp;
    private SipB2bua b2bua;

    @BeforeEach
    void setUp() throws Exception {
        GatewayConfig config = ((ParseResult.Ok) ConfigParser.parse("t.cfg", "hostname gw\nend\n")).config();
        rtp = new RtpEngine(RtpEngine.Settings.defaults().withBindAddress(InetAddress.getLoopbackAddress()), media,
                Clock.systemUTC());
        b2bua = new SipB2bua(SipB2bua.Settings.defaults(), () -> config, rtp, url -> new short[0]);
    }

    @AfterEach
    void tearDown() {
        rtp.close();
    }

    /** A simulated phone: its own RTP stream sending one tone and recording what it hears. */
    private record Phone(RtpStream stream, List<short[]> heard) {
        short[] last(int frames) {
            int n = Math.min(frames, heard.size());
            short[] out = new short[n * Pcm.FRAME_SAMPLES];
            for (int i = 0; i < n; i++) {
                System.arraycopy(heard.get(heard.size() - n + i), 0, out, i * Pcm.FRAME_SAMPLES, Pcm.FRAME_SAMPLES);
            }
            return out;
        }
    }

    /** An answered SIP leg of the gateway (its SDP says {@code codec}) facing a phone sending {@code hz}. */
    private SipLeg leg(int n, SdpNegotiator.Codec codec, double hz, List<Phone> phones) throws Exception {
        RtpStream stream = rtp.open(StreamOptions.defaults().withSendSilence(false));
        SipURI uri = b2bua.messages().addresses.createSipURI("100" + n, "127.0.0.1");
        OutboundLeg leg = new OutboundLeg(b2bua, stream, uri, new Quiet(), new CallRef(n + 1));
        Codec phoneCodec = codec == SdpNegotiator.Codec.PCMA ? Codec.PCMA : Codec.PCMU;
        RtpStream phone = rtp.open(new StreamOptions(phoneCodec, 101, true, true, stream.localAddress()));
        leg.applySelection(new SdpNegotiator.MediaSelection(codec, OptionalInt.of(101), "127.0.0.1",
                phone.localPort(), SdpNegotiator.Direction.SENDRECV));
        List<short[]> heard = new CopyOnWriteArrayList<>();
        phone.setSink((MediaSink) frame -> heard.add(frame.clone()));
        phone.play(new SineSource(hz, LEVEL));
        phones.add(new Phone(phone, heard));
        return leg;
    }

    private static final class Quiet implements LegEvents {
        @Override public void digits(String digits) { }

        @Override public void alerting() { }

        @Override public void answered() { }

        @Override public void released(Q850Cause cause) { }

        @Override public void flash() { }
    }

    /** One 20 ms step: the RTP engine's tick, every datagram delivered, then the bridge's mix. */
    private void step(List<Phone> phones, List<SipLeg> legs) {
        media.advance(Duration.ofMillis(20));
        for (int i = 0; i < phones.size(); i++) {
            RtpStream phone = phones.get(i).stream();
            RtpStream leg = legs.get(i).stream;
            await(() -> leg.counters().packetsReceived() + leg.counters().discarded() >= phone.counters().packetsSent()
                    && phone.counters().packetsReceived() + phone.counters().discarded() >= leg.counters().packetsSent(),
                    "datagrams between phone " + i + " and its leg");
        }
        calls.advance(Duration.ofMillis(20));
    }

    private static void await(BooleanSupplier cond, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    @DisplayName("Three SIP legs (two relayed to each other, one A-law) in a conference: each phone hears the other two tones and not its own")
    void threeSipLegsMixed() throws Exception {
        List<Phone> phones = new ArrayList<>();
        List<SipLeg> legs = new ArrayList<>();
        legs.add(leg(0, SdpNegotiator.Codec.PCMU, TONES[0], phones));
        legs.add(leg(1, SdpNegotiator.Codec.PCMU, TONES[1], phones));
        legs.add(leg(2, SdpNegotiator.Codec.PCMA, TONES[2], phones));
        assertEquals(Codec.PCMA, legs.get(2).stream.codec(), "the leg follows its SDP answer's codec");
        // legs 0 and 1 are the two dialogs of one call: RTP relayed packet to packet
        legs.get(0).connectAudio(legs.get(1).audioToUser().orElseThrow());
        legs.get(1).connectAudio(legs.get(0).audioToUser().orElseThrow());
        for (int i = 0; i < 10; i++) {
            step(phones, legs);
        }
        assertTrue(ToneMeter.levelDbm0(phones.get(0).last(5), TONES[1]) > LEVEL - 3, "relayed call before the conference");

        ConferenceBridge bridge = new ConferenceBridge("conf-1", false, 3, calls, records::add, b -> { });
        for (int i = 0; i < 3; i++) {
            SipLeg leg = legs.get(i);
            assertTrue(bridge.join(new DetachedLeg(leg, new LegRouter(new Quiet())), "100" + i, new CallRef(i + 1)));
        }
        assertFalse(legs.get(0).stream.isRelaying(), "leg 0 left packet relay");
        assertFalse(legs.get(1).stream.isRelaying(), "leg 1 left packet relay");
        for (int i = 0; i < 40; i++) {
            step(phones, legs);
        }
        for (int i = 0; i < 3; i++) {
            short[] heard = phones.get(i).last(15);
            assertEquals(15 * Pcm.FRAME_SAMPLES, heard.length, "phone " + i + " hears the conference");
            for (int k = 0; k < 3; k++) {
                double level = ToneMeter.levelDbm0(heard, TONES[k]);
                if (k == i) {
                    assertTrue(level < LEVEL - 30, "phone " + i + " does not hear itself: " + level + " dBm0");
                } else {
                    assertTrue(level > LEVEL - 4, "phone " + i + " hears " + TONES[k] + " Hz: " + level + " dBm0");
                }
            }
        }
        assertEquals(3, records.stream().filter(r -> r instanceof FeatureRecordEvent.ConferenceJoined).count());
    }

    @Test
    @DisplayName("The mix pushed into a SIP leg: a standing backlog (a late conference tick catching up) is cut back to 2 frames after a second; the steady flow is kept in order")
    void pushedMixLatencyGuard() {
        PushPcmSource src = new PushPcmSource();
        short[] out = new short[Pcm.FRAME_SAMPLES];
        int next = 1;
        for (; next <= 6; next++) {
            src.push(frame(next)); // a burst: 6 frames queued at once
        }
        List<Integer> delays = new ArrayList<>();
        for (int tick = 0; tick < 80; tick++) {
            src.push(frame(next)); // then one frame per 20 ms tick
            src.read(out, 0, out.length);
            delays.add(next - out[0]);
            next++;
        }
        assertEquals(6, delays.getFirst(), "the burst is heard as delay at first");
        assertTrue(delays.getLast() <= PushPcmSource.TARGET_FRAMES, "delay after the guard: " + delays);
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < delays.size(); i++) {
            steps.add(delays.get(i) - delays.get(i - 1));
        }
        assertEquals(1, steps.stream().filter(d -> d != 0).count(), "one cut, no other jump: " + delays);
    }

    @Test
    @DisplayName("The conference focus answers with Contact ;isfocus (RFC 4579 4.1), a flag parameter without a value; the factory URI is sip:conference@gateway")
    void focusContact() throws Exception {
        String c = FocusLeg.asFocus(b2bua.messages().contact("conference", "127.0.0.1", 5062)).toString().trim();
        assertTrue(c.endsWith(";isfocus"), c);
        assertTrue(c.contains("sip:conference@127.0.0.1:5062"), c);
        assertTrue(FocusLeg.isFactory("conference"));
        assertFalse(FocusLeg.isFactory("1001"));
    }

    private static short[] frame(int value) {
        short[] f = new short[Pcm.FRAME_SAMPLES];
        java.util.Arrays.fill(f, (short) value);
        return f;
    }
}
