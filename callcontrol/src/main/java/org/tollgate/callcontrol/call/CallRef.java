package org.tollgate.callcontrol.call;

/** Identifies one call (all its legs) for its whole life; unique within one gateway run. */
public record CallRef(long id) {
    @Override
    public String toString() {
        return "call-" + id;
    }
}
