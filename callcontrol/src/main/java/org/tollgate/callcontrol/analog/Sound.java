package org.tollgate.callcontrol.analog;

import org.tollgate.callcontrol.leg.Tone;

/** What a port plays to its phone, besides voice frames from the far end. */
public sealed interface Sound {
    /** Nothing (tone stopped, or voice path open). */
    record Silence() implements Sound {
    }

    /** A call-progress tone, repeated with its cadence until replaced. */
    record ToneSound(Tone tone) implements Sound {
    }

    /**
     * An IVR prompt ({@code flash:NAME.au}), played once; {@code audio} is its 8 kHz PCM (empty when
     * the prompt could not be found or read).
     */
    record Prompt(String url, short[] audio) implements Sound {
    }
}
