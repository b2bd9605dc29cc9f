package org.tollgate.callcontrol.lpcor;

import java.util.Objects;

/**
 * One LPCOR resource group of {@code voice lpcor custom}: {@code group NUMBER NAME}.
 * Numbers range {@value #MIN}..{@value #MAX} (FAC/LPCOR spec section 1).
 */
public record LpcorGroup(int number, String name) {
    public static final int MIN = 1;
    public static final int MAX = 64;

    public LpcorGroup {
        Objects.requireNonNull(name, "name");
        if (number < MIN || number > MAX) {
            throw new IllegalArgumentException("LPCOR group number " + number + " outside 1..64");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("LPCOR group name is blank");
        }
    }
}
