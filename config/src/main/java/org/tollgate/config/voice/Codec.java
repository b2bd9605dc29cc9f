package org.tollgate.config.voice;

import java.util.Locale;

/** {@code codec} choices tollgate supports (G.711 only; the DSP module transcodes nothing else). */
public enum Codec {
    G711ULAW, G711ALAW;

    /** The IOS keyword. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
