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

    /**
     * Answers an intercom call without the user (the phone's speaker and microphone are on, as with
     * a handset lifted). Returns false when the phone cannot (the default: an analog phone is only
     * answered by lifting it); the port then rings as for any call.
     */
    default boolean autoAnswer() {
        return false;
    }

    /** The auto-answered intercom call ended before the handset was lifted: the speaker goes off. */
    default void autoAnswerEnded() {
    }

    /** The driver's kind for {@code show voice port} ({@code simulated}, a card name ...). */
    String kind();

    /** Whether the hardware is there; a port whose driver is not available is out of service. */
    default boolean available() {
        return true;
    }

    /**
     * The default driver choice: the simulated phone for {@code device sim} or no {@code device};
     * for a device path an {@link Unavailable} driver, as tollgate has no FXS hardware driver yet
     * (the port is then out of service and calls to it fail with cause 27).
     */
    static FxsPortDriver defaultFor(VoicePortConfig port, org.tollgate.callcontrol.time.CallScheduler scheduler) {
        return port.simulated() ? new SimulatedPhone(port.id(), scheduler) : new Unavailable(port.device().orElse(""));
    }

    /** A driver for hardware tollgate cannot drive: never rings, plays nothing, reports nothing. */
    record Unavailable(String device) implements FxsPortDriver {
        @Override
        public void attach(FxsPortListener listener) {
        }

        @Override
        public void ring(Optional<CallerId> callerId) {
        }

        @Override
        public void stopRinging() {
        }

        @Override
        public void play(Sound sound) {
        }

        @Override
        public void audio(short[] pcm) {
        }

        @Override
        public String kind() {
            return "unavailable device " + device;
        }

        @Override
        public boolean available() {
            return false;
        }
    }

    /** Caller ID sent with ringing. */
    record CallerId(String number, String name) {
    }
}
