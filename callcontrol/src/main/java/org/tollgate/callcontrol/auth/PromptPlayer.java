package org.tollgate.callcontrol.auth;

/**
 * Plays IVR prompts to the caller. {@code promptUrl} is as configured ({@code flash:en_bacd_welcome.au});
 * resolution to audio is the leg's business (ivr-prompts). {@code play} returns at once; digits
 * dialled during a prompt are delivered (barge-in) and stop it.
 */
public interface PromptPlayer {
    void play(String promptUrl);

    void stop();
}
