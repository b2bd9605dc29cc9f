package org.tollgate.callcontrol.feature;

/** A party of a two-party call: the caller (incoming leg) or the called party (current outgoing leg). */
public enum Side {
    CALLER, CALLED;

    public Side other() {
        return this == CALLER ? CALLED : CALLER;
    }
}
