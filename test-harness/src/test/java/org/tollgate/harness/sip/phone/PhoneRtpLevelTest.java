package org.tollgate.harness.sip.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;
import org.tollgate.dsp.rtp.RtpPackets;

/**
 * {@link PhoneRtp#level} as the conference tests use it ({@code ConferenceAudio}: another party's tone
 * counts as heard above a share of 0.25, the own one as absent below 0.02), on received audio with
 * the holes a loaded machine leaves: silent frames (no mix produced in time) and frames where one
 * party's tone is missing (its frame late for that mix).
 */
class PhoneRtpLevelTest {
    private static final double HEARD = 0.25;
    private static final double ABSENT = 0.02;

    @Test
    @DisplayName("A two-tone mix with silent gaps and a tone missing from some frames: both tones still count as heard, a third as absent")
    void levelSurvivesGapsAndMissingFrames() throws Exception {
        try (PhoneRtp rtp = new PhoneRtp("level-test");
             DatagramSocket tx = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), rtp.localPort());
            // per 5 frames: 600+1000, 1000 only (600 late), silence (no mix in time), 600+1000, silence
            double[][] pattern = {{600, 1000}, {1000}, {}, {600, 1000}, {}};
            int frames = 40; // the window (400 ms) holds the last 20
            for (int k = 0; k < frames; k++) {
                short[] pcm = frame(k, pattern[k % pattern.length]);
                byte[] payload = G711.encodeUlaw(pcm);
                byte[] packet = RtpPackets.build(0, k == 0, k, (long) k * Pcm.FRAME_SAMPLES, 0x1234L, payload, 0,
                        payload.length);
                tx.send(new DatagramPacket(packet, packet.length, to));
                int sent = k + 1;
                assertTrue(SipPhone.poll(() -> rtp.packetsReceived() == sent, SipPhone.WAIT), "frame " + k + " received");
            }
            assertEquals(frames, rtp.packetsReceived());
            double l600 = rtp.level(600);
            double l1000 = rtp.level(1000);
            double l1400 = rtp.level(1400);
            // 600 Hz: in 8 of the 12 frames with audio, half of their power: 0.4 (one coherent
            // Goertzel over the whole 400 ms, silence included, gives 0.16 here: below HEARD)
            assertTrue(l600 > HEARD, "600 Hz heard: " + l600);
            assertTrue(l1000 > HEARD, "1000 Hz heard: " + l1000);
            assertTrue(l1400 < ABSENT, "1400 Hz absent: " + l1400);
        }
    }

    /** Frame {@code k} (continuous phase, as a mixer sums the parties' streams) of the sum of {@code tones} at -13 dBm0 each. */
    private static short[] frame(int k, double[] tones) {
        short[] pcm = new short[Pcm.FRAME_SAMPLES];
        double peak = Pcm.sinePeak(-13);
        for (int i = 0; i < pcm.length; i++) {
            double t = (double) (k * Pcm.FRAME_SAMPLES + i) / Pcm.SAMPLE_RATE;
            double v = 0;
            for (double hz : tones) {
                v += peak * Math.sin(2 * Math.PI * hz * t);
            }
            pcm[i] = (short) Math.round(v);
        }
        return pcm;
    }
}
