package org.tollgate.callcontrol.media;

/** Receives 8 kHz 16-bit linear PCM audio frames (normally 20 ms = 160 samples). */
@FunctionalInterface
public interface AudioSink {
    void accept(short[] pcm);
}
