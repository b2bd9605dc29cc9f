package org.tollgate.callcontrol.analog;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.dsp.au.AudioFileResult;
import org.tollgate.dsp.au.AudioFiles;
import org.tollgate.ivrprompts.PromptResolution;
import org.tollgate.ivrprompts.PromptResolver;

/**
 * Prompt URLs ({@code flash:NAME.au}) to 8 kHz PCM for analog ports, through {@code ivr-prompts}
 * (configured directory, then the bundled prompts) and the {@code dsp} audio-file reader. Decoded
 * prompts are cached (at most {@value #MAX_CACHED} of them). A prompt that cannot be found or read
 * gives empty audio and one warning.
 */
public final class PromptAudio {
    private static final Logger LOG = LoggerFactory.getLogger(PromptAudio.class);
    /** Most prompts kept decoded. */
    public static final int MAX_CACHED = 64;

    private final PromptResolver resolver;
    private final Map<String, short[]> cache = new ConcurrentHashMap<>();

    public PromptAudio(PromptResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Bundled prompts only. */
    public static PromptAudio bundled() {
        return new PromptAudio(new PromptResolver());
    }

    /** The prompt's audio, or an empty array when it cannot be played. */
    public short[] load(String url) {
        short[] cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        short[] pcm = switch (resolver.resolve(url)) {
            case PromptResolution.Found f -> switch (AudioFiles.decode(f.bytes())) {
                case AudioFileResult.Ok ok -> ok.clip().telephonySamples();
                case AudioFileResult.Invalid bad -> {
                    LOG.warn("prompt {}: not a playable audio file: {} (byte {})", url, bad.reason(), bad.offset());
                    yield new short[0];
                }
            };
            case PromptResolution.NotFound nf -> {
                LOG.warn("prompt {} not found (searched {})", url, nf.searched());
                yield new short[0];
            }
            case PromptResolution.BadUrl b -> {
                LOG.warn("prompt {}: {} (column {})", url, b.reason(), b.column());
                yield new short[0];
            }
        };
        if (cache.size() < MAX_CACHED) {
            cache.put(url, pcm);
        }
        return pcm;
    }
}
