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

    /** An IVR prompt ({@code flash:NAME.au}), played once. */
    record Prompt(String url) implements Sound {
    }
}
