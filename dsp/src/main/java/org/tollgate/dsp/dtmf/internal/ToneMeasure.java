package org.tollgate.dsp.dtmf.internal;

import org.tollgate.dsp.pcm.Pcm;

/**
 * Precise single-tone measurement near a known frequency: frequency from the phase advance of a
 * Hann-windowed DFT between two windows {@value #LAG} samples apart, then power from a Hann-windowed DFT
 * at that frequency over the whole segment.
 *
 * <p>The phase method is unambiguous within ±{@code 8000 / (2 * LAG)} = ±100 Hz of the nominal
 * frequency; the Hann window keeps the other DTMF group (at least 268 Hz away) from biasing it.
 */
public final class ToneMeasure {
    /** Distance in samples between the two phase windows (5 ms). */
    public static final int LAG = 40;
    /** Shortest segment measured. */
    public static final int MIN_SAMPLES = LAG + 96;

    /** Measured frequency in Hz and mean power (of the equivalent sine) in linear units squared. */
    public record Result(double hz, double power) {}

    private ToneMeasure() {}

    /** Measures the tone nearest {@code nominalHz} in {@code seg} (8 kHz samples). */
    public static Result measure(double[] seg, double nominalHz) {
        int m = seg.length - LAG;
        double w0 = 2.0 * Math.PI * nominalHz / Pcm.SAMPLE_RATE;
        // Hann-windowed DFTs of the two lagged windows at w0, in one pass with a rotating phasor
        double[] win = hann(m);
        double cr = 1;
        double ci = 0;
        double stepR = Math.cos(w0);
        double stepI = -Math.sin(w0);
        double ar = 0;
        double ai = 0;
        double br = 0;
        double bi = 0;
        for (int k = 0; k < m; k++) {
            double wr = win[k] * cr;
            double wi = win[k] * ci;
            ar += wr * seg[k];
            ai += wi * seg[k];
            br += wr * seg[k + LAG];
            bi += wi * seg[k + LAG];
            double t = cr * stepR - ci * stepI;
            ci = cr * stepI + ci * stepR;
            cr = t;
        }
        // arg(B * conj(A)) = w * LAG (mod 2 pi)
        double re = br * ar + bi * ai;
        double im = bi * ar - br * ai;
        double dev = Math.atan2(im, re) - w0 * LAG;
        dev -= 2.0 * Math.PI * Math.rint(dev / (2.0 * Math.PI));
        double w = w0 + dev / LAG;
        double[] x = dft(seg, w);
        double windowSum = (seg.length - 1) / 2.0;
        double amp = 2.0 * Math.hypot(x[0], x[1]) / windowSum;
        return new Result(w * Pcm.SAMPLE_RATE / (2.0 * Math.PI), amp * amp / 2.0);
    }

    /** Hann-windowed DFT of the whole segment at angular frequency {@code w}: {re, im}. */
    private static double[] dft(double[] seg, double w) {
        double[] win = hann(seg.length);
        double cr = 1;
        double ci = 0;
        double stepR = Math.cos(w);
        double stepI = -Math.sin(w);
        double re = 0;
        double im = 0;
        for (int k = 0; k < seg.length; k++) {
            double v = seg[k] * win[k];
            re += v * cr;
            im += v * ci;
            double t = cr * stepR - ci * stepI;
            ci = cr * stepI + ci * stepR;
            cr = t;
        }
        return new double[] {re, im};
    }

    private static final double[][] HANN = new double[1024][];

    /** The n-point Hann window (cached; a benign race at worst computes it twice). */
    private static double[] hann(int n) {
        double[] w = n < HANN.length ? HANN[n] : null;
        if (w == null) {
            w = new double[n];
            double step = 2.0 * Math.PI / (n - 1);
            for (int k = 0; k < n; k++) {
                w[k] = 0.5 - 0.5 * Math.cos(step * k);
            }
            if (n < HANN.length) {
                HANN[n] = w;
            }
        }
        return w;
    }
}
