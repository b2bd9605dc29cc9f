package org.tollgate.dsp.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tollgate.dsp.dtmf.DtmfTestAudio.ALL_DIGITS;
import static org.tollgate.dsp.dtmf.DtmfTestAudio.digits;
import static org.tollgate.dsp.dtmf.DtmfTestAudio.padded;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.dsp.pcm.Pcm;

/** One test per ITU-T Q.24 receiver limit, each a generated sweep across the limit. */
class DtmfDetectorQ24Test {
    private static final double LOW = -8;
    private static final double HIGH = -6;

    private static short[] tone(DtmfDigit d, double lowFactor, double highFactor, double lowDb, double highDb, double ms) {
        return DtmfGenerator.dualTone(d.lowHz() * lowFactor, lowDb, d.highHz() * highFactor, highDb, ms);
    }

    @Test
    @DisplayName("Q.24: all 16 digits, 0-9 * # A-D, are detected in order")
    void sixteenDigits() {
        assertEquals(ALL_DIGITS, digits(padded(0, DtmfGenerator.generate(ALL_DIGITS))));
        assertEquals(ALL_DIGITS.toLowerCase().toUpperCase(), digits(DtmfGenerator.generate(ALL_DIGITS.toLowerCase())));
    }

    @Test
    @DisplayName("Q.24: tones within ±1.5% of nominal (each group, both signs) are accepted")
    void acceptsFrequencyWithin1_5Percent() {
        double[] f = {0.985, 1.0, 1.015};
        for (DtmfDigit d : DtmfDigit.values()) {
            for (double lf : f) {
                for (double hf : f) {
                    String got = digits(padded(40, tone(d, lf, hf, LOW, HIGH, 60)));
                    assertEquals(d.toString(), got, () -> d + " low x" + lf + " high x" + hf);
                }
            }
        }
    }

    @Test
    @DisplayName("Q.24: tones deviating by 3.5% or more (either group, both signs) are rejected")
    void rejectsFrequencyBeyond3_5Percent() {
        double[] off = {0.95, 0.965, 1.035, 1.05};
        for (DtmfDigit d : DtmfDigit.values()) {
            for (double o : off) {
                assertEquals("", digits(padded(40, tone(d, o, 1.0, LOW, HIGH, 100))), () -> d + " low x" + o);
                assertEquals("", digits(padded(40, tone(d, 1.0, o, LOW, HIGH, 100))), () -> d + " high x" + o);
            }
        }
    }

    @Test
    @DisplayName("Q.24: 40 ms tones are accepted at every alignment to the analysis blocks")
    void accepts40msTones() {
        for (DtmfDigit d : DtmfDigit.values()) {
            for (int lead = 0; lead < DtmfDetector.BLOCK; lead += 7) {
                assertEquals(d.toString(), digits(padded(lead, tone(d, 1, 1, LOW, HIGH, 40))), () -> d + " lead");
            }
        }
    }

    @Test
    @DisplayName("Q.24: tones shorter than 23 ms are rejected at every alignment to the analysis blocks")
    void rejectsTonesUnder23ms() {
        for (DtmfDigit d : DtmfDigit.values()) {
            for (int lead = 0; lead < DtmfDetector.BLOCK; lead += 5) {
                for (double ms : new double[] {10, 20, 23}) {
                    int l = lead;
                    assertEquals("", digits(padded(lead, tone(d, 1, 1, LOW, HIGH, ms))), () -> d + " " + ms + " ms lead " + l);
                }
            }
        }
    }

    @Test
    @DisplayName("Q.24: normal twist (low group louder) up to 8 dB is accepted")
    void acceptsNormalTwist8dB() {
        for (DtmfDigit d : DtmfDigit.values()) {
            for (double twist : new double[] {0, 4, 8}) {
                assertEquals(d.toString(), digits(padded(30, tone(d, 1, 1, -4, -4 - twist, 60))), () -> d + " twist " + twist);
            }
        }
    }

    @Test
    @DisplayName("Q.24: normal twist beyond the limit (10 dB and more) is rejected")
    void rejectsNormalTwistBeyondLimit() {
        for (DtmfDigit d : DtmfDigit.values()) {
            for (double twist : new double[] {10, 12, 16}) {
                assertEquals("", digits(padded(30, tone(d, 1, 1, -4, -4 - twist, 100))), () -> d + " twist " + twist);
            }
        }
    }

    @Test
    @DisplayName("Q.24: reverse twist (high group louder) up to 4 dB is accepted")
    void acceptsReverseTwist4dB() {
        for (DtmfDigit d : DtmfDigit.values()) {
            for (double twist : new double[] {2, 4}) {
                assertEquals(d.toString(), digits(padded(30, tone(d, 1, 1, -6 - twist, -6, 60))), () -> d + " reverse " + twist);
            }
        }
    }

    @Test
    @DisplayName("Q.24: reverse twist beyond the limit (6 dB and more) is rejected")
    void rejectsReverseTwistBeyondLimit() {
        for (DtmfDigit d : DtmfDigit.values()) {
            for (double twist : new double[] {6, 8, 12}) {
                assertEquals("", digits(padded(30, tone(d, 1, 1, -6 - twist, -6, 100))), () -> d + " reverse " + twist);
            }
        }
    }

    @Test
    @DisplayName("Q.24: digits are detected at 15 dB signal-to-noise ratio (white Gaussian noise)")
    void worksAt15dbSnr() {
        short[] clean = padded(200, DtmfGenerator.generate(ALL_DIGITS, new DtmfGenerator.Settings(50, 50, LOW, HIGH)));
        double signalPower = Pcm.sinePower(LOW) + Pcm.sinePower(HIGH);
        for (long seed = 1; seed <= 10; seed++) {
            short[] noisy = DtmfTestAudio.withNoise(clean, signalPower / Math.pow(10, 1.5), seed);
            assertEquals(ALL_DIGITS, digits(noisy), "seed " + seed);
        }
    }

    @Test
    @DisplayName("Q.24: noise alone (at the level of the 15 dB SNR test and louder) produces no digits")
    void noiseAloneProducesNothing() {
        for (double dbm0 : new double[] {-40, -24, -10}) {
            short[] noise = DtmfTestAudio.withNoise(new short[8000 * 5], Pcm.sinePower(dbm0), 99);
            assertEquals("", digits(noise), "noise at " + dbm0 + " dBm0");
        }
    }

    @Test
    @DisplayName("Q.24: digits are detected after 26 dB of attenuation (and through G.711 μ-law)")
    void worksOver26dbAttenuation() {
        short[] nominal = DtmfGenerator.generate(ALL_DIGITS, new DtmfGenerator.Settings(50, 50, LOW, HIGH));
        short[] attenuated = Pcm.gain(nominal, -26);
        assertEquals(ALL_DIGITS, digits(attenuated));
        short[] viaUlaw = org.tollgate.dsp.g711.G711.decodeUlaw(org.tollgate.dsp.g711.G711.encodeUlaw(attenuated));
        assertEquals(ALL_DIGITS, digits(viaUlaw));
    }

    @Test
    @DisplayName("Q.24: a 40 ms pause separates repeated digits (10 digits per second)")
    void fortyMsPauseSeparatesDigits() {
        short[] pcm = DtmfGenerator.generate("1111555599", new DtmfGenerator.Settings(50, 40, LOW, HIGH));
        assertEquals("1111555599", digits(padded(17, pcm)));
    }

    @Test
    @DisplayName("Detector reports each digit's start and end time to within 5 ms")
    void reportsStartAndEndTimes() {
        short[] pcm = padded(400, DtmfGenerator.generate("5#", new DtmfGenerator.Settings(70, 130, LOW, HIGH)));
        List<DtmfEvent.DigitEnded> ended = DtmfTestAudio.events(pcm).stream()
                .filter(e -> e instanceof DtmfEvent.DigitEnded).map(e -> (DtmfEvent.DigitEnded) e).toList();
        assertEquals(2, ended.size());
        // the digits start at 50 ms and 250 ms, each lasting 70 ms
        long[] starts = {50, 250};
        for (int i = 0; i < 2; i++) {
            DtmfEvent.DigitEnded e = ended.get(i);
            assertTrue(Math.abs(e.startMs() - starts[i]) <= 5, e.toString());
            assertTrue(Math.abs(e.durationMs() - 70) <= 5, e.toString());
        }
    }

    @Test
    @DisplayName("DigitStarted is reported while the tone still sounds, before DigitEnded")
    void startedBeforeEnded() {
        DtmfDetector det = new DtmfDetector();
        short[] tone = DtmfGenerator.dualTone(941, LOW, 1336, HIGH, 200);
        List<DtmfEvent> during = det.process(tone);
        assertEquals(List.of(new DtmfEvent.DigitStarted(DtmfDigit.D0, 0)), during);
        List<DtmfEvent> after = det.process(new short[800]);
        assertEquals(1, after.size());
        assertTrue(after.get(0) instanceof DtmfEvent.DigitEnded e && e.digit() == DtmfDigit.D0 && e.endMs() >= 195);
    }
}
