package org.tollgate.dsp.pcm;

import java.util.Arrays;

/**
 * 8 kHz, 16-bit signed linear PCM helpers shared by the generators and detectors: levels in dBm0,
 * sine synthesis, mixing and power measurement.
 *
 * <p>Levels follow ITU-T G.711: the μ-law maximum (linear ±32124 on the 16-bit scale) is +3.17 dBm0,
 * so a 0 dBm0 sine has a peak amplitude of {@value #ZERO_DBM0_PEAK}.
 */
public final class Pcm {
    /** Sample rate of all telephony audio in this module, in Hz. */
    public static final int SAMPLE_RATE = 8000;
    /** Samples in one 20 ms frame at 8 kHz. */
    public static final int FRAME_SAMPLES = 160;
    /** Peak amplitude (16-bit scale) of a 0 dBm0 sine wave. */
    public static final double ZERO_DBM0_PEAK = 22_306.0;

    private Pcm() {}

    /** Peak amplitude of a sine wave at {@code dbm0}. */
    public static double sinePeak(double dbm0) {
        return ZERO_DBM0_PEAK * Math.pow(10.0, dbm0 / 20.0);
    }

    /** Mean power (mean of squared samples) of a sine wave at {@code dbm0}. */
    public static double sinePower(double dbm0) {
        double peak = sinePeak(dbm0);
        return peak * peak / 2.0;
    }

    /** Level in dBm0 of a signal whose mean power (mean of squared samples) is {@code meanPower}. */
    public static double powerToDbm0(double meanPower) {
        return 10.0 * Math.log10(meanPower / sinePower(0.0));
    }

    /** Number of samples in {@code millis} milliseconds at 8 kHz. */
    public static int samples(double millis) {
        return (int) Math.round(millis * SAMPLE_RATE / 1000.0);
    }

    /**
     * Adds a sine of {@code hz} at {@code dbm0} into {@code buf[from, from+len)} (as doubles, to be
     * clipped later by {@link #toShorts}); the phase starts at zero on sample {@code from}.
     */
    public static void addSine(double[] buf, int from, int len, double hz, double dbm0) {
        double amp = sinePeak(dbm0);
        double w = 2.0 * Math.PI * hz / SAMPLE_RATE;
        for (int i = 0; i < len; i++) {
            buf[from + i] += amp * Math.sin(w * i);
        }
    }

    /** Rounds and clips to 16-bit samples. */
    public static short[] toShorts(double[] buf) {
        short[] out = new short[buf.length];
        for (int i = 0; i < buf.length; i++) {
            out[i] = clip(buf[i]);
        }
        return out;
    }

    /** Rounds and clips one value to the 16-bit range. */
    public static short clip(double v) {
        long r = Math.round(v);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    /** Mean of squared samples of {@code pcm}. */
    public static double meanPower(short[] pcm) {
        if (pcm.length == 0) {
            return 0.0;
        }
        double sum = 0;
        for (short s : pcm) {
            sum += (double) s * s;
        }
        return sum / pcm.length;
    }

    /** Concatenates PCM buffers. */
    public static short[] concat(short[]... parts) {
        int n = 0;
        for (short[] p : parts) {
            n += p.length;
        }
        short[] out = new short[n];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** {@code n} samples of digital silence. */
    public static short[] silence(int n) {
        return new short[n];
    }

    /** Multiplies every sample by {@code 10^(db/20)} (negative {@code db} attenuates), clipping. */
    public static short[] gain(short[] pcm, double db) {
        double g = Math.pow(10.0, db / 20.0);
        short[] out = Arrays.copyOf(pcm, pcm.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = clip(out[i] * g);
        }
        return out;
    }
}
