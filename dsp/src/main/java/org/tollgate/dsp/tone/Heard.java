package org.tollgate.dsp.tone;

/** What a {@link ToneClassifier} (a simulated phone's ear) makes of the audio it has been fed. */
public enum Heard {
    /** Too little audio yet to tell. */
    UNKNOWN,
    /** Nothing above −45 dBm0 for at least 300 ms. */
    SILENCE,
    /** 350 + 440 Hz, steady. */
    DIAL_TONE,
    /** 440 + 480 Hz (on or in its off period). */
    RINGBACK,
    /** 480 + 620 Hz, about 500 ms on. */
    BUSY,
    /** 480 + 620 Hz, about 250 ms on / 250 ms off (fast busy). */
    REORDER,
    /** 480 + 620 Hz, about 200 ms on / 300 ms off. */
    CONGESTION,
    /** Broadband audio that is not a call-progress tone: speech, prompts, music. */
    VOICE
}
