package org.tollgate.gateway.sip.b2bua;

import java.util.ArrayDeque;
import org.tollgate.dsp.pcm.PcmSource;

/**
 * An endless PCM source fed by pushes (audio from an in-gateway leg such as an analog port towards
 * a SIP leg's RTP stream). Bounded: at most {@link #MAX_FRAMES} frames (200 ms) are kept, older
 * ones are dropped, so a stalled reader never builds latency. Silence when empty. Latency guard
 * (as the conference bridge's queues): when more than {@link #TARGET_FRAMES} frames stay queued at
 * every read for {@link #DEEP_READS} reads in a row (1 s of a standing delay, left by a burst from a
 * late pusher such as a conference tick catching up), the oldest are dropped down to
 * {@link #TARGET_FRAMES}; a burst that drains within the second is played out whole.
 */
final class PushPcmSource implements PcmSource {
    /** Frames kept at most (10 x 20 ms). */
    static final int MAX_FRAMES = 10;
    /** Frames that may stay queued (40 ms) without the latency guard acting. */
    static final int TARGET_FRAMES = 2;
    /** Consecutive reads (20 ms each) above {@link #TARGET_FRAMES} before the guard cuts back. */
    static final int DEEP_READS = 50;

    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private short[] current;
    private int pos;
    private int deepReads;

    /** Queues a copy of {@code pcm}. */
    synchronized void push(short[] pcm) {
        if (frames.size() >= MAX_FRAMES) {
            frames.pollFirst();
        }
        frames.addLast(pcm.clone());
    }

    /** Drops everything queued (a new peer starts from silence, not from the old peer's audio). */
    synchronized void clear() {
        frames.clear();
        current = null;
        pos = 0;
    }

    @Override public synchronized int read(short[] buf, int off, int len) {
        if (frames.size() <= TARGET_FRAMES) {
            deepReads = 0;
        } else if (++deepReads >= DEEP_READS) {
            while (frames.size() > TARGET_FRAMES) {
                frames.pollFirst();
            }
            deepReads = 0;
        }
        int n = 0;
        while (n < len) {
            if (current == null || pos >= current.length) {
                current = frames.pollFirst();
                pos = 0;
                if (current == null) {
                    break;
                }
            }
            int k = Math.min(len - n, current.length - pos);
            System.arraycopy(current, pos, buf, off + n, k);
            pos += k;
            n += k;
        }
        for (int i = n; i < len; i++) {
            buf[off + i] = 0;
        }
        return len;
    }
}
