package org.tollgate.dsp.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tollgate.dsp.au.AudioFileResult;
import org.tollgate.dsp.au.AudioFiles;

/** Speech for talk-off tests: espeak-ng sentences and the prompts bundled in ivr-prompts. */
public final class Speech {
    /** Sentences rich in the vowels and numbers that classically cause talk-off. */
    public static final List<String> SENTENCES = List.of(
            "Please enter the extension number you want to reach.",
            "One two three four five six seven eight nine zero, star, pound.",
            "Hello? Are you there? I can hear you perfectly well, thank you.",
            "The quick brown fox jumps over the lazy dog, eeeee, ooooo, aaaaa.",
            "Your authorization code was not accepted. Please try again later.",
            "Beep beep. Meow. Woooooo. Eight hundred and sixty six.");
    /** espeak-ng voices used: male and female variants, US and British. */
    public static final List<String> VOICES = List.of("en-us", "en-us+f3", "en-gb", "en-gb+f4", "en-us+m3");

    private Speech() {}

    /** One 8 kHz PCM clip per voice and sentence, made with espeak-ng and resampled by sox. */
    public static List<short[]> espeakClips(Path workDir) {
        List<short[]> clips = new ArrayList<>();
        int n = 0;
        for (String voice : VOICES) {
            for (String text : SENTENCES) {
                Path wav = workDir.resolve("speech" + n + ".wav");
                Path wav8k = workDir.resolve("speech" + n + "-8k.wav");
                n++;
                Programs.run(workDir, List.of("espeak-ng", "-v", voice, "-w", wav.toString(), text));
                Programs.run(workDir, List.of("sox", "-D", wav.toString(), "-r", "8000", "-c", "1", "-b", "16",
                        wav8k.toString()));
                clips.add(read(wav8k));
            }
        }
        return clips;
    }

    /** The prompts bundled in the sibling ivr-prompts module's sources (read as files, not classes). */
    public static List<Path> bundledPrompts() {
        Path dir = Path.of("..", "ivr-prompts", "src", "main", "resources", "org", "tollgate", "ivrprompts", "bundled");
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".au")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an audio file as 8 kHz PCM. */
    public static short[] read(Path file) {
        try {
            return switch (AudioFiles.read(file)) {
                case AudioFileResult.Ok ok -> ok.clip().telephonySamples();
                case AudioFileResult.Invalid bad -> throw new AssertionError(file + ": " + bad);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
