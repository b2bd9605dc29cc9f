package org.tollgate.callcontrol.analog;

import java.util.Optional;

/**
 * The hardware side of one FXS port: ring the phone, play to it, hear its hook and audio.
 * Call control ships {@link SimulatedPhone} (the default when no hardware is named); a real
 * telephony card driver would implement the same interface. Calls arrive from call-control
 * threads and must not block.
 */
public interface FxsPortDriver {
    /** Binds the port that receives this driver's events (called once). */
    void attach(FxsPortListener listener);

    /** Starts ringing with the standard cadence, with caller ID when given. */
    void ring(Optional<CallerId> callerId);

    void stopRinging();

    /** Plays {@code sound} to the phone until the next {@code play} (the driver renders it to audio). */
    void play(Sound sound);

    /** Voice audio for the phone's earpiece (8 kHz linear PCM) while a call is connected. */
    void audio(short[] pcm);

    /** The driver's kind for {@code show voice port} ({@code simulated}, a card name ...). */
    String kind();

    /** Caller ID sent with ringing. */
    record CallerId(String number, String name) {
    }
}
