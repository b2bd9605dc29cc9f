package org.tollgate.callcontrol.leg;

/** Call-progress tones a leg can play to its user (North American plan on analog ports). */
public enum Tone {
    DIAL, RINGBACK, BUSY, REORDER
}
