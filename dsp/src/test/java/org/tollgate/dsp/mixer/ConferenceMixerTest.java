package org.tollgate.dsp.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.dtmf.DtmfDetector;
import org.tollgate.dsp.dtmf.DtmfEvent;
import org.tollgate.dsp.dtmf.DtmfGenerator;
import org.tollgate.dsp.pcm.Pcm;

class ConferenceMixerTest {
    static short[] sine(double hz, double dbm0, int samples) {
        short[] s = new short[samples];
        double peak = Pcm.sinePeak(dbm0);
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(peak * Math.sin(2 * Math.PI * hz * i / Pcm.SAMPLE_RATE));
        }
        return s;
    }

    static double power(short[] s) {
        double p = 0;
        for (short v : s) {
            p += (double) v * v;
        }
        return p / s.length;
    }

    @Test
    @DisplayName("Three parties: each hears the other two and not itself (a 3-party conference mix)")
    void threePartiesHearTheOthersMinusThemselves() {
        int n = Pcm.FRAME_SAMPLES * 10;
        short[] a = sine(440, -10, n);
        short[] b = sine(1000, -10, n);
        short[] c = sine(1700, -10, n);
        short[][] out = ConferenceMixer.mix(new short[][] {a, b, c});
        for (int i = 0; i < n; i++) {
            assertEquals(b[i] + c[i], out[0][i], "A hears B + C");
            assertEquals(a[i] + c[i], out[1][i], "B hears A + C");
            assertEquals(a[i] + b[i], out[2][i], "C hears A + B");
        }
        // A's own tone is absent from A's output: correlating with A's sine gives ~0
        double corr = 0;
        for (int i = 0; i < n; i++) {
            corr += (double) out[0][i] * a[i];
        }
        assertTrue(Math.abs(corr / n) < 0.01 * power(a), "no sidetone of A in A's mix");
    }

    @Test
    @DisplayName("DTMF sent by one party is detectable by both others through the mix")
    void dtmfSurvivesTheMix() {
        short[] digits = DtmfGenerator.generate("59");
        short[] silence = new short[digits.length];
        short[][] out = ConferenceMixer.mix(new short[][] {digits, silence, silence});
        for (int p = 1; p <= 2; p++) {
            StringBuilder got = new StringBuilder();
            for (DtmfEvent e : new DtmfDetector().process(out[p])) {
                if (e instanceof DtmfEvent.DigitStarted d) {
                    got.append(d.digit().symbol());
                }
            }
            assertEquals("59", got.toString(), "party " + p);
        }
        assertEquals(0.0, power(out[0]), "the sender hears only silence from the others");
    }

    @Test
    @DisplayName("Sums beyond 16 bits are clipped, not wrapped")
    void clipping() {
        short[][] out = ConferenceMixer.mix(new short[][] {{30000, -30000}, {30000, -30000}, {30000, -30000}});
        assertEquals(Short.MAX_VALUE, out[0][0]);
        assertEquals(Short.MIN_VALUE, out[0][1]);
    }

    @Test
    @DisplayName("Missing or short frames count as silence; outputs are as long as the longest input")
    void shortFramesPadded() {
        short[][] out = ConferenceMixer.mix(new short[][] {{1, 2, 3}, null, {10}});
        assertEquals(3, out[1].length);
        assertEquals(11, out[1][0]);
        assertEquals(2, out[1][1]);
        assertEquals(10, out[0][0]);
        assertEquals(0, out[0][1]);
        assertEquals(1, out[2][0]);
    }

    @Test
    @DisplayName("Property: every output equals the clipped sum of the other inputs")
    void mixProperty() {
        qt().forAll(integers().between(1, 8), integers().between(0, 1_000_000)).checkAssert((parties, seed) -> {
            java.util.Random r = new java.util.Random(seed);
            short[][] in = new short[parties][32];
            for (short[] f : in) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = (short) r.nextInt(65536);
                }
            }
            short[][] out = ConferenceMixer.mix(in);
            for (int p = 0; p < parties; p++) {
                for (int i = 0; i < 32; i++) {
                    long sum = 0;
                    for (int q = 0; q < parties; q++) {
                        if (q != p) {
                            sum += in[q][i];
                        }
                    }
                    assertEquals(Math.max(-32768, Math.min(32767, sum)), out[p][i]);
                }
            }
        });
    }
}
