package org.tollgate.dsp.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tollgate.dsp.pcm.Pcm;

/**
 * Tells which known prompt a simulated phone heard: compares the 20 ms loudness envelope of the heard
 * audio with each registered prompt's (normalised cross-correlation over every alignment), so it
 * survives G.711 coding, level changes and leading or trailing silence.
 *
 * <p>A prompt matches when the correlation is at least {@value #THRESHOLD} over its whole length.
 * Thread-safe after registration.
 */
public final class PromptRecognizer {
    /** Least correlation for a match. */
    public static final double THRESHOLD = 0.9;

    private final Map<String, double[]> envelopes = new LinkedHashMap<>();

    /** Registers a prompt under {@code name} (for example {@code "en_bacd_enter_dest"}). */
    public synchronized void register(String name, short[] pcm) {
        envelopes.put(name, envelope(pcm));
    }

    /** The registered prompt the heard audio contains, best match first, if any matches. */
    public synchronized Optional<String> recognise(short[] heard) {
        double[] h = envelope(heard);
        String best = null;
        double bestScore = THRESHOLD;
        for (Map.Entry<String, double[]> e : envelopes.entrySet()) {
            double s = bestCorrelation(h, e.getValue());
            if (s >= bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    private static double[] envelope(short[] pcm) {
        int n = pcm.length / Pcm.FRAME_SAMPLES;
        double[] env = new double[n];
        for (int f = 0; f < n; f++) {
            double sum = 0;
            for (int i = 0; i < Pcm.FRAME_SAMPLES; i++) {
                double s = pcm[f * Pcm.FRAME_SAMPLES + i];
                sum += s * s;
            }
            env[f] = Math.log10(1 + sum / Pcm.FRAME_SAMPLES);
        }
        return env;
    }

    private static double bestCorrelation(double[] heard, double[] prompt) {
        if (prompt.length < 5 || heard.length < prompt.length) {
            return 0;
        }
        double best = -1;
        for (int off = 0; off + prompt.length <= heard.length; off++) {
            best = Math.max(best, correlation(heard, off, prompt));
        }
        return best;
    }

    private static double correlation(double[] a, int off, double[] b) {
        int n = b.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[off + i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[off + i] - ma;
            double y = b[i] - mb;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
