package org.tollgate.dsp.au;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code .au} or {@code .wav} by content (magic number), whatever the file name says. */
public final class AudioFiles {
    /** Largest file read, 64 MiB (about 2 hours of 8 kHz μ-law). */
    public static final long MAX_BYTES = 64L << 20;

    private AudioFiles() {}

    /** Decodes {@code bytes} as {@code .au} or WAVE. */
    public static AudioFileResult decode(byte[] bytes) {
        if (WavReader.isWav(bytes)) {
            return WavReader.read(bytes);
        }
        return AuReader.read(bytes);
    }

    /** Reads and decodes a file; I/O failures are exceptions, bad content an {@code Invalid} result. */
    public static AudioFileResult read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            return new AudioFileResult.Invalid("file larger than " + MAX_BYTES + " bytes", MAX_BYTES);
        }
        return decode(Files.readAllBytes(file));
    }
}
