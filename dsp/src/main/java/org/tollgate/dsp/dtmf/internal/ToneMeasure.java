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
        double[] a = dft(seg, 0, m, w0);
        double[] b = dft(seg, LAG, m, w0);
        // arg(B * conj(A)) = w * LAG (mod 2 pi)
        double re = b[0] * a[0] + b[1] * a[1];
        double im = b[1] * a[0] - b[0] * a[1];
        double dev = Math.atan2(im, re) - w0 * LAG;
        dev -= 2.0 * Math.PI * Math.rint(dev / (2.0 * Math.PI));
        double w = w0 + dev / LAG;
        double[] x = dft(seg, 0, seg.length, w);
        double windowSum = (seg.length - 1) / 2.0;
        double amp = 2.0 * Math.hypot(x[0], x[1]) / windowSum;
        return new Result(w * Pcm.SAMPLE_RATE / (2.0 * Math.PI), amp * amp / 2.0);
    }

    /** Hann-windowed DFT of {@code seg[off, off+n)} at angular frequency {@code w}: {re, im}. */
    private static double[] dft(double[] seg, int off, int n, double w) {
        double re = 0;
        double im = 0;
        double hannStep = 2.0 * Math.PI / (n - 1);
        for (int k = 0; k < n; k++) {
            double v = seg[off + k] * (0.5 - 0.5 * Math.cos(hannStep * k));
            re += v * Math.cos(w * k);
            im -= v * Math.sin(w * k);
        }
        return new double[] {re, im};
    }
}
