package org.tollgate.dsp.rtp;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Histogram of how late 20 ms sends ran against their ideal, drift-free schedule: 0.1 ms buckets up to
 * 100 ms (later sends land in the last bucket). Lock-free; used by the RTP benchmark and for
 * diagnostics.
 */
public final class LatenessRecorder {
    private static final int BUCKETS = 1000;
    private static final long BUCKET_NANOS = 100_000;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Records one send that ran {@code latenessNanos} after its ideal time. */
    public void record(long latenessNanos) {
        int b = (int) Math.min(BUCKETS - 1, Math.max(0, latenessNanos / BUCKET_NANOS));
        counts.incrementAndGet(b);
    }

    /** Sends recorded. */
    public long count() {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The lateness (upper bucket edge) in ms below which {@code fraction} (0..1) of sends fell. */
    public double percentileMs(double fraction) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long want = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= want) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return BUCKETS * BUCKET_NANOS / 1e6;
    }

    /** Forgets everything recorded. */
    public void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
    }
}
