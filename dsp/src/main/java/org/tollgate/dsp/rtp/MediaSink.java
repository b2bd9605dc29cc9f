package org.tollgate.dsp.rtp;

import org.tollgate.dsp.rfc4733.TelephoneEventReceiver;

/**
 * Where a stream delivers what it receives. Called on the engine's pacing thread (audio) or receive
 * thread (digits); implementations must return quickly and not block.
 */
public interface MediaSink {
    /** One 20 ms frame of decoded audio (160 samples), silence for a lost frame; the array is reused. */
    void onAudio(short[] frame);

    /** An RFC 4733 digit start or end, already de-duplicated. */
    default void onDigit(TelephoneEventReceiver.Relayed digit) {}

    /** A sink that discards everything. */
    MediaSink NONE = frame -> {};
}
