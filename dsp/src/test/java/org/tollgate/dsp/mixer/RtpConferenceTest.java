package org.tollgate.dsp.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rtp.Codec;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.RtpTestSupport;
import org.tollgate.dsp.rtp.StreamOptions;
import org.tollgate.dsp.tone.SineSource;
import org.tollgate.dsp.tone.ToneMeter;

/**
 * RTP legs as conference parties, over real UDP sockets on 127.0.0.1 (the engine paced by a manual
 * clock): a leg that joins a mix leaves packet relay in both directions, decodes its RTP (μ-law or
 * A-law) into 20 ms frames for the mixer and sends the mix it is given as its own paced stream.
 */
class RtpConferenceTest {
    private static final double[] TONES = {600, 1000, 1400};
    private static final double LEVEL = -12;

    /** Frames queued by the test's mixer step and played into a leg's stream (silence when empty). */
    private static final class Pushed implements PcmSource {
        private final ArrayDeque<short[]> frames = new ArrayDeque<>();

        synchronized void push(short[] f) {
            frames.add(f.clone());
        }

        @Override
        public synchronized int read(short[] buf, int off, int len) {
            short[] f = frames.poll();
            for (int i = 0; i < len; i++) {
                buf[off + i] = f != null && i < f.length ? f[i] : 0;
            }
            return len;
        }
    }

    private static short[] lastFrames(RtpTestSupport.RecordingSink heard, int frames) {
        short[] all = heard.audio();
        int n = Math.min(all.length, frames * Pcm.FRAME_SAMPLES);
        short[] out = new short[n];
        System.arraycopy(all, all.length - n, out, 0, n);
        return out;
    }

    @Test
    @DisplayName("A relayed leg that joins a mix leaves relay in both directions: its peer's packets no longer leave its socket")
    void joiningTheMixStopsRelayBothWays() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpTestSupport.Legs legs = t.legsWithPhones();
            RtpStream legA = legs.legA();
            RtpStream legB = legs.legB();
            RtpStream phoneA = legs.phoneA();
            RtpStream phoneB = legs.phoneB();
            RtpTestSupport.RecordingSink atPhoneA = new RtpTestSupport.RecordingSink();
            RtpTestSupport.RecordingSink atPhoneB = new RtpTestSupport.RecordingSink();
            phoneA.setSink(atPhoneA);
            phoneB.setSink(atPhoneB);
            legA.relayTo(legB);
            legB.relayTo(legA);
            phoneA.play(new SineSource(600, LEVEL));
            phoneB.play(new SineSource(1000, LEVEL));
            List<RtpStream> senders = List.of(phoneA, phoneB, legA, legB);
            List<RtpStream> receivers = List.of(legA, legB, phoneA, phoneB);
            t.tick(15, senders, receivers);
            assertTrue(ToneMeter.levelDbm0(lastFrames(atPhoneA, 5), 1000) > LEVEL - 3, "relayed before joining");

            legA.stopRelays();
            assertFalse(legA.isRelaying(), "the joining leg relays nowhere");
            assertFalse(legB.isRelaying(), "its former peer no longer relays into it");
            RtpTestSupport.RecordingSink decodedAtA = new RtpTestSupport.RecordingSink();
            legA.setSink(decodedAtA);
            legA.play(new SineSource(1400, LEVEL)); // stands for the mix A is given
            t.tick(25, senders, receivers);

            short[] heardA = lastFrames(atPhoneA, 10);
            assertTrue(ToneMeter.levelDbm0(heardA, 1400) > LEVEL - 3, "A hears what the leg plays");
            assertTrue(ToneMeter.levelDbm0(heardA, 1000) < LEVEL - 30, "B's packets are not relayed to A any more");
            assertTrue(ToneMeter.levelDbm0(lastFrames(decodedAtA, 10), 600) > LEVEL - 3,
                    "A's RTP is decoded into 20 ms frames for the mix");
            assertTrue(ToneMeter.levelDbm0(lastFrames(atPhoneB, 10), 600) < LEVEL - 30, "A is not relayed to B");
        }
    }

    @Test
    @DisplayName("A stream is relayed into by at most one other: a new relay source cuts the previous one")
    void oneRelaySourcePerStream() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            RtpStream a = t.engine.open(StreamOptions.defaults());
            RtpStream b = t.engine.open(StreamOptions.defaults());
            RtpStream c = t.engine.open(StreamOptions.defaults());
            b.relayTo(a);
            c.relayTo(a);
            assertFalse(b.isRelaying(), "b no longer relays into a");
            assertTrue(c.isRelaying());
            c.close();
            assertFalse(c.isRelaying(), "a closed stream relays nowhere");
        }
    }

    @Test
    @DisplayName("Three RTP parties (μ-law, μ-law, A-law) mixed: each phone hears the other two tones and not its own")
    void threeRtpPartiesHearTheOtherTwo() throws Exception {
        try (RtpTestSupport t = new RtpTestSupport()) {
            List<RtpStream> legs = new ArrayList<>();
            List<RtpStream> phones = new ArrayList<>();
            List<RtpTestSupport.RecordingSink> heard = new ArrayList<>();
            List<ArrayDeque<short[]>> inboxes = new ArrayList<>();
            List<Pushed> mixes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RtpStream leg = t.engine.open(StreamOptions.defaults().withSendSilence(false));
                Codec codec = i == 2 ? Codec.PCMA : Codec.PCMU;
                leg.useCodec(codec); // the SDP answer chose A-law for party 3
                RtpStream phone = t.engine.open(new StreamOptions(codec, 101, true, true, leg.localAddress()));
                leg.setRemote(phone.localAddress());
                RtpTestSupport.RecordingSink sink = new RtpTestSupport.RecordingSink();
                phone.setSink(sink);
                phone.play(new SineSource(TONES[i], LEVEL));
                ArrayDeque<short[]> inbox = new ArrayDeque<>();
                leg.setSink(frame -> {
                    synchronized (inbox) {
                        inbox.add(frame.clone());
                    }
                });
                Pushed mix = new Pushed();
                leg.play(mix);
                legs.add(leg);
                phones.add(phone);
                heard.add(sink);
                inboxes.add(inbox);
                mixes.add(mix);
            }
            assertEquals(Codec.PCMA, legs.get(2).codec());
            List<RtpStream> senders = new ArrayList<>(phones);
            senders.addAll(legs);
            List<RtpStream> receivers = new ArrayList<>(legs);
            receivers.addAll(phones);
            for (int tick = 0; tick < 40; tick++) {
                t.tick(1, senders, receivers);
                short[][] in = new short[3][];
                for (int i = 0; i < 3; i++) {
                    synchronized (inboxes.get(i)) {
                        in[i] = inboxes.get(i).poll();
                    }
                }
                short[][] out = ConferenceMixer.mix(in);
                for (int i = 0; i < 3; i++) {
                    mixes.get(i).push(out[i]);
                }
            }
            for (int i = 0; i < 3; i++) {
                short[] got = lastFrames(heard.get(i), 15);
                assertEquals(15 * Pcm.FRAME_SAMPLES, got.length, "phone " + i + " received audio");
                for (int k = 0; k < 3; k++) {
                    double level = ToneMeter.levelDbm0(got, TONES[k]);
                    if (k == i) {
                        assertTrue(level < LEVEL - 30, "phone " + i + " does not hear itself: " + level);
                    } else {
                        assertTrue(level > LEVEL - 3, "phone " + i + " hears " + TONES[k] + " Hz: " + level);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("ToneMeter measures a sine at its level and a far frequency far below it")
    void toneMeterMeasuresLevels() {
        short[] pcm = new short[1600];
        new SineSource(1000, -10).read(pcm, 0, pcm.length);
        assertEquals(-10, ToneMeter.levelDbm0(pcm, 1000), 0.5);
        assertTrue(ToneMeter.levelDbm0(pcm, 600) < -45);
    }
}
