package org.tollgate.callcontrol.analog;

/** What the FXS hardware (or simulated phone) reports to its voice-port. */
public interface FxsPortListener {
    /** The phone went off-hook ({@code true}) or on-hook ({@code false}). */
    void hook(boolean offHook);

    /** Hook flash. */
    void flash();

    /** Audio from the phone's microphone: 8 kHz linear PCM, any frame size (DTMF is detected in it). */
    void audio(short[] pcm);
}
