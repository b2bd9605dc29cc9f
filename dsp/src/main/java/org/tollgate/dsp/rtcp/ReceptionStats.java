package org.tollgate.dsp.rtcp;

/**
 * Per-source reception statistics of RFC 3550 appendix A.1 (sequence tracking), A.3 (loss) and A.8
 * (interarrival jitter), producing {@link ReportBlock}s. Thread-safe.
 */
public final class ReceptionStats {
    private static final int RTP_SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private long ssrc = -1;
    private int maxSeq;
    private long cycles;
    private int baseSeq;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double transit;
    private double jitter;
    private boolean haveTransit;
    private long lastSrMiddle;
    private long lastSrArrivalNanos;

    /**
     * Records one received packet.
     *
     * @param arrivalTs arrival time in RTP timestamp units (8 kHz) on any local time base
     */
    public synchronized void onPacket(long packetSsrc, int seq, long rtpTimestamp, long arrivalTs) {
        if (ssrc != packetSsrc) {
            ssrc = packetSsrc;
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            received = 0;
            expectedPrior = 0;
            receivedPrior = 0;
            haveTransit = false;
            jitter = 0;
        }
        int udelta = (seq - maxSeq + RTP_SEQ_MOD) % RTP_SEQ_MOD;
        if (udelta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += RTP_SEQ_MOD;
            }
            maxSeq = seq;
        } else if (udelta <= RTP_SEQ_MOD - MAX_MISORDER) {
            // a very large jump: restart the sequence (the sender restarted)
            baseSeq = seq;
            maxSeq = seq;
            cycles = 0;
            received = 0;
            expectedPrior = 0;
            receivedPrior = 0;
        }
        received++;
        double t = arrivalTs - rtpTimestamp;
        if (haveTransit) {
            double d = Math.abs(t - transit);
            jitter += (d - jitter) / 16.0;
        }
        transit = t;
        haveTransit = true;
    }

    /** Notes a sender report from the source, for the LSR/DLSR fields. */
    public synchronized void onSenderReport(long ntpMiddle, long arrivalNanos) {
        lastSrMiddle = ntpMiddle;
        lastSrArrivalNanos = arrivalNanos;
    }

    /** True once a packet was received. */
    public synchronized boolean hasSource() {
        return ssrc >= 0;
    }

    /** Cumulative packets lost so far. */
    public synchronized long cumulativeLost() {
        return ssrc < 0 ? 0 : expected() - received;
    }

    /** Interarrival jitter in timestamp units. */
    public synchronized double jitter() {
        return jitter;
    }

    private long expected() {
        return cycles + maxSeq - baseSeq + 1;
    }

    /** A report block for now; advances the "since last report" interval. */
    public synchronized ReportBlock report(long nowNanos) {
        long expected = expected();
        long lost = expected - received;
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        long clampedLost = Math.max(-0x80_0000, Math.min(0x7F_FFFF, lost));
        long dlsr = lastSrMiddle == 0 ? 0 : (nowNanos - lastSrArrivalNanos) * 65536 / 1_000_000_000L;
        return new ReportBlock(ssrc, Math.min(255, fraction), (int) clampedLost, cycles | maxSeq, (long) jitter,
                lastSrMiddle, dlsr);
    }
}
