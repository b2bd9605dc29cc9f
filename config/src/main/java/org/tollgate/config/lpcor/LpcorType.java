package org.tollgate.config.lpcor;

import java.util.Locale;

/** {@code lpcor type local|remote|mobility} of an IP phone. */
public enum LpcorType {
    LOCAL, REMOTE, MOBILITY;

    /** The IOS keyword. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
