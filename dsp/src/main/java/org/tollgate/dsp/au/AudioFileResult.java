package org.tollgate.dsp.au;

/** Outcome of reading an audio file: the clip, or why the bytes are not one. */
public sealed interface AudioFileResult {
    /** The file decoded. */
    record Ok(AudioClip clip) implements AudioFileResult {}

    /** The file is malformed or unsupported; {@code offset} is the byte where the problem lies. */
    record Invalid(String reason, long offset) implements AudioFileResult {}
}
