package org.tollgate.dsp.tone;

import org.tollgate.dsp.pcm.Pcm;

/**
 * The level of one frequency in a block of 8 kHz PCM, by the Goertzel algorithm (a single DFT bin):
 * used to check who hears whom in a conference (each party sends its own tone; a party must hear
 * the others' tones and not its own). Stateless.
 *
 * <p>Resolution: a block of N samples separates tones more than about 8000 / N Hz apart (a 20 ms
 * frame: 50 Hz; 200 ms: 5 Hz). Leakage of a strong tone into a far bin stays around 40 dB below it
 * for the 400 Hz spacing of the conference tests.
 */
public final class ToneMeter {
    private ToneMeter() {
    }

    /**
     * The level in dBm0 of the {@code hz} component of {@code pcm[off, off + len)} (a sine at L dBm0
     * measures about L); {@code -Infinity} for digital silence.
     */
    public static double levelDbm0(short[] pcm, int off, int len, double hz) {
        if (len <= 0 || off < 0 || off + len > pcm.length) {
            throw new IllegalArgumentException("bad block " + off + "+" + len + " of " + pcm.length);
        }
        double coeff = 2 * Math.cos(2 * Math.PI * hz / Pcm.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < len; i++) {
            double s0 = pcm[off + i] + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        double amplitude = 2 * Math.sqrt(Math.max(power, 0)) / len;
        return 20 * Math.log10(amplitude / Pcm.ZERO_DBM0_PEAK);
    }

    /** {@link #levelDbm0(short[], int, int, double)} over the whole array. */
    public static double levelDbm0(short[] pcm, double hz) {
        return levelDbm0(pcm, 0, pcm.length, hz);
    }
}
