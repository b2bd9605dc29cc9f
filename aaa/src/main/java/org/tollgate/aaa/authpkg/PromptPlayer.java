package org.tollgate.aaa.authpkg;

/**
 * Plays a prompt ({@code flash:NAME.au}, resolved by {@code ivr-prompts}) to the caller over the
 * call's media: early media for a SIP caller, the line audio for an analog one.
 */
public interface PromptPlayer {

    /**
     * Plays the prompt to its end. Keys the caller presses meanwhile stay queued in the call's
     * {@link DigitSource} (type-ahead). An unknown prompt is logged by the implementation and skipped.
     *
     * @throws InterruptedException when the call is released mid-prompt: playback stops at once
     */
    void play(String promptUrl) throws InterruptedException;
}
