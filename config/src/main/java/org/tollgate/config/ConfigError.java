package org.tollgate.config;

/**
 * A configuration error with its position.
 *
 * @param source file name (or {@code terminal} for interactive input)
 * @param line 1-based line number
 * @param column 1-based column of the offending word
 * @param message IOS-style message, e.g. {@code % Invalid input detected at '^' marker.}
 * @param lineText the source line as written
 */
public record ConfigError(String source, int line, int column, String message, String lineText) {

    /**
     * {@code FILE:LINE:COL: message}, then the source line, then a caret under the column (the form
     * {@code tollgate check-config} prints).
     */
    public String format() {
        return source + ":" + line + ":" + column + ": " + message + "\n" + lineText + "\n" + caretLine();
    }

    /** Spaces then {@code ^} under {@link #column()}. */
    public String caretLine() {
        return " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
