package org.tollgate.callcontrol.auth;

/**
 * Plays IVR prompts to the caller. {@code promptUrl} is as configured ({@code flash:en_bacd_welcome.au});
 * the leg resolves it to audio (ivr-prompts). Digits dialled meanwhile stay queued in the
 * {@link DigitSource} (type-ahead).
 */
public interface PromptPlayer {
    /**
     * Plays the prompt. Call control's player hands the prompt to the leg and returns once the leg
     * has taken it (legs stream it on their own); implementations may block until it ends.
     *
     * @throws InterruptedException when the caller hung up mid-prompt
     */
    void play(String promptUrl) throws InterruptedException;
}
