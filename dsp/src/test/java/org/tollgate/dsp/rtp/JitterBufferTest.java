package org.tollgate.dsp.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
    private static byte[] f(int v) {
        return new byte[] {(byte) v};
    }

    @Test
    @DisplayName("Jitter buffer: playout starts at the configured depth and restores sequence order")
    void reorders() {
        JitterBuffer jb = new JitterBuffer(3);
        jb.offer(10, f(10));
        jb.offer(12, f(12));
        assertFalse(jb.isPlaying());
        assertNull(jb.poll());
        jb.offer(11, f(11));
        assertTrue(jb.isPlaying());
        assertArrayEquals(f(10), jb.poll());
        assertArrayEquals(f(11), jb.poll());
        assertArrayEquals(f(12), jb.poll());
    }

    @Test
    @DisplayName("Jitter buffer: a lost frame plays as a gap (null); late and duplicate frames are dropped and counted")
    void gapsLateAndDuplicates() {
        JitterBuffer jb = new JitterBuffer(2);
        jb.offer(1, f(1));
        jb.offer(3, f(3));
        jb.offer(3, f(3));
        assertArrayEquals(f(1), jb.poll());
        assertNull(jb.poll());
        jb.offer(2, f(2));
        assertArrayEquals(f(3), jb.poll());
        assertEquals(2, jb.dropped());
    }

    @Test
    @DisplayName("Jitter buffer: sequence numbers wrap from 65535 to 0")
    void wraps() {
        JitterBuffer jb = new JitterBuffer(2);
        jb.offer(65535, f(1));
        jb.offer(0, f(2));
        jb.offer(1, f(3));
        assertArrayEquals(f(1), jb.poll());
        assertArrayEquals(f(2), jb.poll());
        assertArrayEquals(f(3), jb.poll());
    }

    @Test
    @DisplayName("Jitter buffer: a far jump forward or backward (sender restart) resynchronises")
    void resync() {
        JitterBuffer jb = new JitterBuffer(1);
        jb.offer(100, f(1));
        assertArrayEquals(f(1), jb.poll());
        jb.offer(5000, f(2));
        assertArrayEquals(f(2), jb.poll());
        jb.offer(10, f(3));
        assertArrayEquals(f(3), jb.poll());
    }
}
