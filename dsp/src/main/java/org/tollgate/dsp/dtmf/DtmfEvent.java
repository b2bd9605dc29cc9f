package org.tollgate.dsp.dtmf;

/**
 * What a {@link DtmfDetector} reports. Times are milliseconds from the first sample the detector was
 * fed (sample index / 8).
 */
public sealed interface DtmfEvent {
    /** The digit. */
    DtmfDigit digit();

    /** Start of the tone, in ms. */
    long startMs();

    /**
     * A digit has been validated (it has lasted the minimum time and passed every check) and is still
     * sounding. Reported once per digit, as early as possible, so that digit collection can act on it.
     */
    record DigitStarted(DtmfDigit digit, long startMs) implements DtmfEvent {}

    /**
     * A validated digit has ended. Always follows the matching {@link DigitStarted}; both may arrive in
     * the same batch for a short tone.
     */
    record DigitEnded(DtmfDigit digit, long startMs, long endMs) implements DtmfEvent {
        /** Tone-on duration in ms. */
        public long durationMs() {
            return endMs - startMs;
        }
    }
}
