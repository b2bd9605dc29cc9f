package org.tollgate.dsp.rtp;

/**
 * A small fixed-delay jitter buffer for 20 ms audio frames, ordered by RTP sequence number.
 *
 * <p>Playout starts once {@code depth} frames are buffered (default 3 = 60 ms) and then takes one frame
 * per 20 ms tick: the next sequence number's payload, or {@code null} for a missing frame (the caller
 * conceals it with silence). Duplicates and frames older than the playout point are dropped and
 * counted; a frame more than {@value #CAPACITY} ahead of or behind the playout point resynchronises the
 * buffer (the sender restarted or changed SSRC).
 * Sequence numbers wrap at 2^16 (RFC 3550 section 5.1). Thread-safe (the receive thread offers, the
 * pacing thread polls).
 */
public final class JitterBuffer {
    /** Largest number of frames held. */
    public static final int CAPACITY = 32;

    private final int depth;
    private final byte[][] slots = new byte[CAPACITY][];
    private final int[] slotSeq = new int[CAPACITY];
    private boolean playing;
    private int nextSeq = -1;
    private int buffered;
    private long dropped;

    /** A buffer that starts playout at {@code depth} frames (1..{@value #CAPACITY}/2). */
    public JitterBuffer(int depth) {
        if (depth < 1 || depth > CAPACITY / 2) {
            throw new IllegalArgumentException("depth must be 1.." + CAPACITY / 2);
        }
        this.depth = depth;
    }

    /** Offers a received frame's payload (copied by the caller). */
    public synchronized void offer(int seq, byte[] payload) {
        if (nextSeq < 0) {
            nextSeq = seq;
        }
        int ahead = (short) (seq - nextSeq);
        if (ahead < 0 && ahead >= -CAPACITY) {
            dropped++;
            return;
        }
        if (ahead >= CAPACITY || ahead < -CAPACITY) {
            clear();
            nextSeq = seq;
            ahead = 0;
        }
        int slot = seq & (CAPACITY - 1);
        if (slots[slot] != null && slotSeq[slot] == seq) {
            dropped++;
            return;
        }
        slots[slot] = payload;
        slotSeq[slot] = seq;
        buffered++;
        if (buffered >= depth) {
            playing = true;
        }
    }

    /** The next frame to play, {@code null} for a gap (or before playout started, see {@link #isPlaying()}). */
    public synchronized byte[] poll() {
        if (!playing) {
            return null;
        }
        if (buffered == 0) {
            // underrun: wait for depth frames again
            playing = false;
            return null;
        }
        int slot = nextSeq & (CAPACITY - 1);
        byte[] out = null;
        if (slots[slot] != null && slotSeq[slot] == nextSeq) {
            out = slots[slot];
            slots[slot] = null;
            buffered--;
        }
        nextSeq = (nextSeq + 1) & 0xFFFF;
        return out;
    }

    /** True while frames are being played out. */
    public synchronized boolean isPlaying() {
        return playing;
    }

    /** Frames dropped as duplicate or too late. */
    public synchronized long dropped() {
        return dropped;
    }

    private void clear() {
        java.util.Arrays.fill(slots, null);
        buffered = 0;
        playing = false;
    }
}
