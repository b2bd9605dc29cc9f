package org.tollgate.dsp.prompt;

import org.tollgate.dsp.au.AudioFileResult;
import org.tollgate.dsp.au.AudioFiles;
import org.tollgate.dsp.pcm.PcmSource;

/**
 * Turns prompt file bytes (for example from {@code org.tollgate.ivrprompts.PromptResolver}) into
 * something to play: 8 kHz PCM for an analog port, or a {@link PcmSource} for
 * {@link org.tollgate.dsp.rtp.RtpStream#play} (which encodes it as G.711).
 */
public final class PromptAudio {
    private PromptAudio() {}

    /** Outcome of decoding a prompt. */
    public sealed interface Decoded {
        /** The prompt as 8 kHz mono PCM. */
        record Ok(String name, short[] pcm) implements Decoded {
            /** A fresh source playing the prompt once. */
            public PcmSource source() {
                return PcmSource.of(pcm);
            }
        }

        /** The bytes are not playable audio. */
        record Unplayable(String name, String reason) implements Decoded {}
    }

    /** Decodes a {@code .au} (or WAVE) prompt named {@code name}. */
    public static Decoded decode(String name, byte[] file) {
        return switch (AudioFiles.decode(file)) {
            case AudioFileResult.Ok ok -> new Decoded.Ok(name, ok.clip().telephonySamples());
            case AudioFileResult.Invalid bad -> new Decoded.Unplayable(name, bad.reason() + " at byte " + bad.offset());
        };
    }
}
