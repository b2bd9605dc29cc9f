package org.tollgate.config.internal;

/**
 * One word of a configuration line.
 *
 * @param text the word; for a quoted word, the text between the quotes (escapes kept verbatim)
 * @param start 0-based offset of the word's first character (the opening quote for a quoted word)
 * @param end 0-based offset just after the word (after the closing quote)
 * @param quoted true when written in double quotes
 */
public record Token(String text, int start, int end, boolean quoted) {

    /** 1-based column of the word. */
    public int column() {
        return start + 1;
    }

    /** The word as written (with its quotes). */
    public String written() {
        return quoted ? "\"" + text + "\"" : text;
    }
}
