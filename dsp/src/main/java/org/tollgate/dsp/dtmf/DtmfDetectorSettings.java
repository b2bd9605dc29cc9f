package org.tollgate.dsp.dtmf;

/**
 * Limits of the {@link DtmfDetector}; {@link #defaults()} meets ITU-T Q.24.
 *
 * @param minimumToneMs       shortest measured tone-on time reported as a digit; default 32 ms, between
 *                            Q.24's "reject below 23 ms" and "accept 40 ms", leaving room for the
 *                            ±4 ms resolution of the edge measurement
 * @param frequencyTolerance  largest accepted relative deviation of either tone from its nominal
 *                            frequency; default 0.025 (Q.24: accept within 1.5 %, reject beyond 3.5 %)
 * @param maxNormalTwistDb    largest accepted excess of the low-group tone over the high-group tone;
 *                            default 9 dB (Q.24 practice: accept up to 8 dB)
 * @param maxReverseTwistDb   largest accepted excess of the high-group tone over the low-group tone;
 *                            default 5 dB (Q.24 practice: accept up to 4 dB)
 * @param minimumToneLevelDbm0 weakest tone (per frequency) considered, in dBm0; default −40 dBm0, which
 *                            leaves margin below a −8/−6 dBm0 digit attenuated by 26 dB
 * @param minimumToneToTotal  least share of the block's power that the two tones must hold; default 0.6
 *                            (rejects speech and broadband noise)
 * @param minimumGroupMarginDb least excess of the strongest tone in a group over the others in that
 *                            group; default 6 dB
 */
public record DtmfDetectorSettings(
        double minimumToneMs,
        double frequencyTolerance,
        double maxNormalTwistDb,
        double maxReverseTwistDb,
        double minimumToneLevelDbm0,
        double minimumToneToTotal,
        double minimumGroupMarginDb) {

    /** Validates the ranges. */
    public DtmfDetectorSettings {
        if (minimumToneMs < 20 || minimumToneMs > 200) {
            throw new IllegalArgumentException("minimumToneMs must be 20..200: " + minimumToneMs);
        }
        if (frequencyTolerance <= 0 || frequencyTolerance > 0.05) {
            throw new IllegalArgumentException("frequencyTolerance must be in (0, 0.05]: " + frequencyTolerance);
        }
        if (maxNormalTwistDb < 0 || maxReverseTwistDb < 0) {
            throw new IllegalArgumentException("twist limits must be >= 0");
        }
        if (minimumToneToTotal <= 0 || minimumToneToTotal > 1) {
            throw new IllegalArgumentException("minimumToneToTotal must be in (0, 1]");
        }
    }

    /** The Q.24 defaults documented on each component. */
    public static DtmfDetectorSettings defaults() {
        return new DtmfDetectorSettings(32, 0.025, 9, 5, -40, 0.6, 6);
    }
}
