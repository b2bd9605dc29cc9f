package org.tollgate.dsp.tone;

import org.tollgate.dsp.pcm.Pcm;

/**
 * Recognises the North American call-progress tones of {@link CallProgressTone} (and tells them from
 * speech and silence) in 8 kHz PCM, for simulated analog phones and tests.
 *
 * <p>Every 10 ms a 20 ms window is analysed with Goertzel filters at 350, 440, 480 and 620 Hz and labelled
 * silent (below {@value #SILENCE_DBM0} dBm0), one of the three tone pairs (the pair holds at least 60% of
 * the power and its weaker tone is within 9 dB of the stronger), or other (voice). The frequency pair
 * identifies dial tone and ringback; the measured on-time of the 480 + 620 Hz pair tells busy (≥ 375 ms),
 * reorder (235..375 ms) and congestion (&lt; 235 ms) apart. Not thread-safe.
 */
public final class ToneClassifier {
    /** Power below this (dBm0) counts as silence. */
    public static final double SILENCE_DBM0 = -45;

    private static final int WINDOW = 160;
    private static final int HOP = 80;
    private static final double[] HZ = {350, 440, 480, 620};
    private static final double[] COEF = new double[4];

    static {
        for (int k = 0; k < 4; k++) {
            COEF[k] = 2 * Math.cos(2 * Math.PI * HZ[k] / Pcm.SAMPLE_RATE);
        }
    }

    private enum Label { SILENT, DIAL, RING, BUSY, OTHER }

    private final short[] window = new short[WINDOW];
    private final double silencePower = Pcm.sinePower(SILENCE_DBM0);
    private int filled;
    private Label label;
    private int run;
    private Label lastTone;
    private int lastToneRun;
    private int lastBusyOn;
    private final boolean[] otherRing = new boolean[100];
    private int otherCount;
    private long steps;
    private Heard heard = Heard.UNKNOWN;

    /** Feeds samples; returns the verdict after them. */
    public Heard feed(short[] pcm, int off, int len) {
        for (int i = 0; i < len; i++) {
            window[filled++] = pcm[off + i];
            if (filled == WINDOW) {
                step();
                System.arraycopy(window, HOP, window, 0, WINDOW - HOP);
                filled = WINDOW - HOP;
            }
        }
        return heard;
    }

    /** Feeds a whole buffer; returns the verdict after it. */
    public Heard feed(short[] pcm) {
        return feed(pcm, 0, pcm.length);
    }

    /** The verdict so far. */
    public Heard heard() {
        return heard;
    }

    /** Classifies a whole clip from scratch. */
    public static Heard classify(short[] pcm) {
        return new ToneClassifier().feed(pcm);
    }

    private void step() {
        double total = 0;
        for (short s : window) {
            total += (double) s * s;
        }
        total /= WINDOW;
        double[] p = new double[4];
        for (int k = 0; k < 4; k++) {
            double q1 = 0;
            double q2 = 0;
            for (short s : window) {
                double q0 = COEF[k] * q1 - q2 + s;
                q2 = q1;
                q1 = q0;
            }
            p[k] = (q1 * q1 + q2 * q2 - COEF[k] * q1 * q2) * 2.0 / ((double) WINDOW * WINDOW);
        }
        Label l = labelOf(total, p);
        steps++;
        int slot = (int) (steps % otherRing.length);
        if (otherRing[slot]) {
            otherCount--;
        }
        otherRing[slot] = l == Label.OTHER;
        if (otherRing[slot]) {
            otherCount++;
        }
        if (l == label) {
            run++;
        } else {
            if (label == Label.DIAL || label == Label.RING || label == Label.BUSY) {
                lastTone = label;
                lastToneRun = run;
                if (label == Label.BUSY) {
                    lastBusyOn = run;
                }
            }
            label = l;
            run = 1;
        }
        heard = verdict();
    }

    private Label labelOf(double total, double[] p) {
        if (total < silencePower) {
            return Label.SILENT;
        }
        double dial = p[0] + p[1];
        double ring = p[1] + p[2];
        double busy = p[2] + p[3];
        Label best;
        double score;
        double weak;
        double strong;
        if (dial >= ring && dial >= busy) {
            best = Label.DIAL; score = dial; weak = Math.min(p[0], p[1]); strong = Math.max(p[0], p[1]);
        } else if (ring >= busy) {
            best = Label.RING; score = ring; weak = Math.min(p[1], p[2]); strong = Math.max(p[1], p[2]);
        } else {
            best = Label.BUSY; score = busy; weak = Math.min(p[2], p[3]); strong = Math.max(p[2], p[3]);
        }
        return score >= 0.6 * total && weak * 8 >= strong ? best : Label.OTHER;
    }

    private Heard verdict() {
        if (otherCount >= 10) {
            return Heard.VOICE;
        }
        int runMs = run * HOP * 1000 / Pcm.SAMPLE_RATE;
        switch (label) {
            case DIAL -> {
                if (runMs >= 200) {
                    return Heard.DIAL_TONE;
                }
            }
            case RING -> {
                if (runMs >= 300) {
                    return Heard.RINGBACK;
                }
            }
            case BUSY -> {
                if (lastBusyOn > 0) {
                    return busyKind(lastBusyOn);
                }
                if (runMs >= 400) {
                    return Heard.BUSY;
                }
            }
            case SILENT -> {
                if (lastTone == Label.RING && lastToneRun * 10 >= 500 && runMs < 4500) {
                    return Heard.RINGBACK;
                }
                if (lastTone == Label.BUSY && runMs < 600) {
                    return busyKind(lastToneRun);
                }
                if (runMs >= 300) {
                    return Heard.SILENCE;
                }
            }
            case OTHER -> {
                return heard;
            }
            case null -> {
                return Heard.UNKNOWN;
            }
        }
        return heard;
    }

    private static Heard busyKind(int onSteps) {
        int onMs = onSteps * HOP * 1000 / Pcm.SAMPLE_RATE;
        if (onMs >= 375) {
            return Heard.BUSY;
        }
        return onMs >= 235 ? Heard.REORDER : Heard.CONGESTION;
    }
}
