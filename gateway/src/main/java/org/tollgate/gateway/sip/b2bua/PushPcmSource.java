package org.tollgate.gateway.sip.b2bua;

import java.util.ArrayDeque;
import org.tollgate.dsp.pcm.PcmSource;

/**
 * An endless PCM source fed by pushes (audio from an in-gateway leg such as an analog port towards
 * a SIP leg's RTP stream). Bounded: at most {@link #MAX_FRAMES} frames (200 ms) are kept, older
 * ones are dropped, so a stalled reader never builds latency. Silence when empty.
 */
final class PushPcmSource implements PcmSource {
    /** Frames kept at most (10 x 20 ms). */
    static final int MAX_FRAMES = 10;

    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private short[] current;
    private int pos;

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
