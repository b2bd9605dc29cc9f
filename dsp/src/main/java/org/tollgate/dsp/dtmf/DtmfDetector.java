package org.tollgate.dsp.dtmf;

import java.util.ArrayList;
import java.util.List;
import org.tollgate.dsp.dtmf.internal.ToneMeasure;
import org.tollgate.dsp.g711.G711;
import org.tollgate.dsp.pcm.Pcm;

/**
 * In-band DTMF receiver for 8 kHz linear PCM or G.711 μ-law, meeting ITU-T Q.24 with
 * {@link DtmfDetectorSettings#defaults()}.
 *
 * <h2>How it works</h2>
 * <ol>
 *   <li><b>Blocks.</b> Samples are cut into blocks of {@value #BLOCK} samples (12.75 ms). A Goertzel
 *       filter per DTMF frequency gives each tone's power in the block. A block "shows" a digit when the
 *       strongest row and column tones are both above the minimum level, each beats the other tones of
 *       its group by the group margin, the coarse twist is plausible and the two tones hold at least
 *       {@code minimumToneToTotal} of the block's power (speech and noise spread their power).</li>
 *   <li><b>Runs.</b> Consecutive blocks showing the same digit form a run; two blocks without it end
 *       the run (so a dropout shorter than one block is bridged and a 40 ms pause always separates two
 *       digits). A digit needs at least two showing blocks: every 40 ms tone contains two whole blocks,
 *       and no tone shorter than 25.5 ms does.</li>
 *   <li><b>Duration.</b> The tone's edges are measured to one third of a block (4.25 ms) from the power
 *       of {@value #SUB}-sample sub-blocks: the tone is on where a sub-block holds at least 40% of the
 *       strongest sub-block's power in the run. Tones measured shorter than {@code minimumToneMs} are
 *       dropped.</li>
 *   <li><b>Validation</b> (once per digit, on at most the first 40 ms of the tone): each tone's frequency
 *       is estimated from the phase advance of a Hann-windowed DFT between two windows 5 ms apart (good
 *       to about 1 Hz, unambiguous within ±100 Hz), and must lie within {@code frequencyTolerance} of
 *       nominal; the twist is measured at the estimated frequencies and checked against the normal and
 *       reverse limits.</li>
 * </ol>
 * A validated digit is reported as {@link DtmfEvent.DigitStarted} as soon as it has lasted the minimum
 * time, and as {@link DtmfEvent.DigitEnded} once it has stopped (about 25 ms later).
 *
 * <p>Not thread-safe: one instance per audio channel. Feeding is allocation-free except for the returned
 * event lists when something happened. Cost: 8 Goertzel updates and one square per sample.
 */
public final class DtmfDetector {
    /** Goertzel block length in samples (12.75 ms). */
    public static final int BLOCK = 102;
    /** Edge-measurement sub-block length in samples (4.25 ms). */
    public static final int SUB = 34;

    private static final int SUBS_PER_BLOCK = BLOCK / SUB;
    private static final int HISTORY = 2048;
    private static final int SUB_HISTORY = 256;
    private static final int MAX_ANALYSIS = 320;
    private static final double EDGE_FRACTION = 0.4;
    private static final double COARSE_TWIST_SLACK_DB = 4.0;
    private static final float[] COEF = new float[8];

    static {
        for (int k = 0; k < 8; k++) {
            double hz = k < 4 ? DtmfDigit.LOW_HZ[k] : DtmfDigit.HIGH_HZ[k - 4];
            COEF[k] = (float) (2.0 * Math.cos(2.0 * Math.PI * hz / Pcm.SAMPLE_RATE));
        }
    }

    private final DtmfDetectorSettings settings;
    private final double minTonePower;
    private final double coarseNormalTwist;
    private final double coarseReverseTwist;
    private final double groupMargin;
    private final long minToneSamples;

    // Goertzel state of the current block
    private final float[] q1 = new float[8];
    private final float[] q2 = new float[8];
    private final double[] power = new double[8];
    private double blockEnergy;
    private double subEnergy;
    private int blockPos;
    private long sampleIndex;

    private final short[] history = new short[HISTORY];
    private final double[] subHistory = new double[SUB_HISTORY];
    private long subIndex;
    private short[] ulawScratch = new short[Pcm.FRAME_SAMPLES];

    // the current run
    private DtmfDigit runDigit;
    private int runPassBlocks;
    private int runMisses;
    private long runFirstSub;
    private long runEndSub;
    private double runRef;
    private boolean confirmed;
    private boolean rejected;
    private long confirmedStart;

    private List<DtmfEvent> events = new ArrayList<>();

    /** A detector with the Q.24 {@link DtmfDetectorSettings#defaults()}. */
    public DtmfDetector() {
        this(DtmfDetectorSettings.defaults());
    }

    /** A detector with explicit limits. */
    public DtmfDetector(DtmfDetectorSettings settings) {
        this.settings = settings;
        this.minTonePower = Pcm.sinePower(settings.minimumToneLevelDbm0());
        this.coarseNormalTwist = dbToPower(settings.maxNormalTwistDb() + COARSE_TWIST_SLACK_DB);
        this.coarseReverseTwist = dbToPower(settings.maxReverseTwistDb() + COARSE_TWIST_SLACK_DB);
        this.groupMargin = dbToPower(settings.minimumGroupMarginDb());
        this.minToneSamples = Math.round(settings.minimumToneMs() * Pcm.SAMPLE_RATE / 1000.0);
    }

    /** The limits in force. */
    public DtmfDetectorSettings settings() {
        return settings;
    }

    /** Feeds 8 kHz linear samples; returns the events completed by them (often empty). */
    public List<DtmfEvent> process(short[] pcm) {
        return process(pcm, 0, pcm.length);
    }

    /** Feeds {@code len} 8 kHz linear samples from {@code pcm[off]}; returns the events they completed. */
    public List<DtmfEvent> process(short[] pcm, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int n = Math.min(end - i, SUB - blockPos % SUB);
            accumulate(pcm, i, n);
            i += n;
            if (blockPos % SUB == 0) {
                subHistory[(int) (subIndex % SUB_HISTORY)] = subEnergy / SUB;
                subIndex++;
                blockEnergy += subEnergy;
                subEnergy = 0;
                if (blockPos == BLOCK) {
                    endBlock();
                    blockPos = 0;
                }
            }
        }
        return drain();
    }

    /** Feeds G.711 μ-law bytes (for example an RTP PCMU payload); returns the events they completed. */
    public List<DtmfEvent> processUlaw(byte[] ulaw, int off, int len) {
        if (ulawScratch.length < len) {
            ulawScratch = new short[len];
        }
        G711.ulawToLinear(ulaw, off, ulawScratch, 0, len);
        return process(ulawScratch, 0, len);
    }

    /**
     * Ends the stream: reports a digit still sounding (or a short validated one not yet reported) as
     * ended at the last sample fed.
     */
    public List<DtmfEvent> flush() {
        if (runDigit != null) {
            endRun();
        }
        return drain();
    }

    /** Milliseconds of audio fed so far. */
    public long elapsedMs() {
        return sampleIndex * 1000 / Pcm.SAMPLE_RATE;
    }

    private List<DtmfEvent> drain() {
        if (events.isEmpty()) {
            return List.of();
        }
        List<DtmfEvent> out = events;
        events = new ArrayList<>();
        return out;
    }

    private void accumulate(short[] pcm, int off, int n) {
        float a0 = q1[0], a1 = q1[1], a2 = q1[2], a3 = q1[3], a4 = q1[4], a5 = q1[5], a6 = q1[6], a7 = q1[7];
        float b0 = q2[0], b1 = q2[1], b2 = q2[2], b3 = q2[3], b4 = q2[4], b5 = q2[5], b6 = q2[6], b7 = q2[7];
        final float c0 = COEF[0], c1 = COEF[1], c2 = COEF[2], c3 = COEF[3];
        final float c4 = COEF[4], c5 = COEF[5], c6 = COEF[6], c7 = COEF[7];
        double e = 0;
        int h = (int) (sampleIndex & (HISTORY - 1));
        for (int i = 0; i < n; i++) {
            short s = pcm[off + i];
            history[h] = s;
            h = (h + 1) & (HISTORY - 1);
            float x = s;
            e += x * x;
            float t;
            t = c0 * a0 - b0 + x; b0 = a0; a0 = t;
            t = c1 * a1 - b1 + x; b1 = a1; a1 = t;
            t = c2 * a2 - b2 + x; b2 = a2; a2 = t;
            t = c3 * a3 - b3 + x; b3 = a3; a3 = t;
            t = c4 * a4 - b4 + x; b4 = a4; a4 = t;
            t = c5 * a5 - b5 + x; b5 = a5; a5 = t;
            t = c6 * a6 - b6 + x; b6 = a6; a6 = t;
            t = c7 * a7 - b7 + x; b7 = a7; a7 = t;
        }
        q1[0] = a0; q1[1] = a1; q1[2] = a2; q1[3] = a3; q1[4] = a4; q1[5] = a5; q1[6] = a6; q1[7] = a7;
        q2[0] = b0; q2[1] = b1; q2[2] = b2; q2[3] = b3; q2[4] = b4; q2[5] = b5; q2[6] = b6; q2[7] = b7;
        subEnergy += e;
        sampleIndex += n;
        blockPos += n;
    }

    private void endBlock() {
        double mean = blockEnergy / BLOCK;
        blockEnergy = 0;
        double norm = 2.0 / ((double) BLOCK * BLOCK);
        for (int k = 0; k < 8; k++) {
            double a = q1[k];
            double b = q2[k];
            power[k] = (a * a + b * b - COEF[k] * a * b) * norm;
            q1[k] = 0;
            q2[k] = 0;
        }
        DtmfDigit shown = classify(mean);
        long blockEndSub = subIndex;
        if (shown != null) {
            if (runDigit != null && shown != runDigit) {
                endRun();
            }
            if (runDigit == null) {
                startRun(shown, blockEndSub);
            } else {
                runPassBlocks++;
                runMisses = 0;
                runEndSub = blockEndSub;
                runRef = Math.max(runRef, maxSub(blockEndSub));
            }
            if (!confirmed && !rejected && runPassBlocks >= 2) {
                long start = findStart();
                long end = runEndSub * SUB;
                if (end - start >= minToneSamples) {
                    if (validate(runDigit, start, end)) {
                        confirmed = true;
                        confirmedStart = start;
                        events.add(new DtmfEvent.DigitStarted(runDigit, toMs(start)));
                    } else {
                        rejected = true;
                    }
                }
            }
        } else if (runDigit != null) {
            runMisses++;
            if (runMisses >= 2) {
                endRun();
            }
        }
    }

    private DtmfDigit classify(double mean) {
        int r = 0;
        for (int k = 1; k < 4; k++) {
            if (power[k] > power[r]) {
                r = k;
            }
        }
        int c = 4;
        for (int k = 5; k < 8; k++) {
            if (power[k] > power[c]) {
                c = k;
            }
        }
        double pr = power[r];
        double pc = power[c];
        if (pr < minTonePower || pc < minTonePower) {
            return null;
        }
        if (pr > pc * coarseNormalTwist || pc > pr * coarseReverseTwist) {
            return null;
        }
        for (int k = 0; k < 8; k++) {
            if (k != r && k != c && power[k] * groupMargin > (k < 4 ? pr : pc)) {
                return null;
            }
        }
        if (pr + pc < settings.minimumToneToTotal() * mean) {
            return null;
        }
        return DtmfDigit.at(r, c - 4);
    }

    private void startRun(DtmfDigit digit, long blockEndSub) {
        runDigit = digit;
        runPassBlocks = 1;
        runMisses = 0;
        runFirstSub = blockEndSub - SUBS_PER_BLOCK;
        runEndSub = blockEndSub;
        runRef = maxSub(blockEndSub);
        confirmed = false;
        rejected = false;
    }

    private void endRun() {
        DtmfDigit digit = runDigit;
        if (confirmed) {
            events.add(new DtmfEvent.DigitEnded(digit, toMs(confirmedStart), toMs(findEnd())));
        } else if (!rejected && runPassBlocks >= 2) {
            long start = findStart();
            long end = findEnd();
            if (end - start >= minToneSamples && validate(digit, start, end)) {
                events.add(new DtmfEvent.DigitStarted(digit, toMs(start)));
                events.add(new DtmfEvent.DigitEnded(digit, toMs(start), toMs(end)));
            }
        }
        runDigit = null;
        confirmed = false;
        rejected = false;
    }

    private double sub(long index) {
        return subHistory[(int) (index % SUB_HISTORY)];
    }

    private double maxSub(long blockEndSub) {
        double m = 0;
        for (long s = blockEndSub - SUBS_PER_BLOCK; s < blockEndSub; s++) {
            m = Math.max(m, sub(s));
        }
        return m;
    }

    /** First sample of the tone: the run's first sub-block, moved to where the power crosses the edge level. */
    private long findStart() {
        double thr = EDGE_FRACTION * runRef;
        long lo = Math.max(Math.max(0, runFirstSub - SUBS_PER_BLOCK), subIndex - SUB_HISTORY + 1);
        long s = runFirstSub;
        while (s > lo && sub(s - 1) >= thr) {
            s--;
        }
        while (s < runFirstSub + SUBS_PER_BLOCK - 1 && sub(s) < thr) {
            s++;
        }
        return s * SUB;
    }

    /** End (exclusive) of the tone, measured like {@link #findStart()} after the run's last showing block. */
    private long findEnd() {
        double thr = EDGE_FRACTION * runRef;
        long hi = Math.min(runEndSub + SUBS_PER_BLOCK, subIndex);
        long e = runEndSub;
        while (e < hi && sub(e) >= thr) {
            e++;
        }
        while (e > runEndSub - SUBS_PER_BLOCK + 1 && sub(e - 1) < thr) {
            e--;
        }
        return e * SUB;
    }

    /** Q.24 frequency and twist checks on the first (at most 40 ms) of the tone. */
    private boolean validate(DtmfDigit digit, long start, long end) {
        long a = Math.max(start, sampleIndex - HISTORY);
        long b = Math.min(end, a + MAX_ANALYSIS);
        int len = (int) (b - a);
        if (len < ToneMeasure.MIN_SAMPLES) {
            return false;
        }
        double[] seg = new double[len];
        for (int i = 0; i < len; i++) {
            seg[i] = history[(int) ((a + i) & (HISTORY - 1))];
        }
        ToneMeasure.Result low = ToneMeasure.measure(seg, digit.lowHz());
        ToneMeasure.Result high = ToneMeasure.measure(seg, digit.highHz());
        double tol = settings.frequencyTolerance();
        if (Math.abs(low.hz() / digit.lowHz() - 1.0) > tol || Math.abs(high.hz() / digit.highHz() - 1.0) > tol) {
            return false;
        }
        double twistDb = 10.0 * Math.log10(low.power() / high.power());
        return twistDb <= settings.maxNormalTwistDb() && -twistDb <= settings.maxReverseTwistDb();
    }

    private static long toMs(long sample) {
        return sample * 1000 / Pcm.SAMPLE_RATE;
    }

    private static double dbToPower(double db) {
        return Math.pow(10.0, db / 10.0);
    }
}
