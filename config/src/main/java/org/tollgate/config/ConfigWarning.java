package org.tollgate.config;

/**
 * A configuration warning: the configuration is applied, but something is probably wrong (for
 * example a FAC code equal to an extension number).
 *
 * @param source file name
 * @param line 1-based line (0 when the warning is not tied to a line)
 * @param column 1-based column
 * @param message text
 */
public record ConfigWarning(String source, int line, int column, String message) {

    /** {@code FILE:LINE:COL: warning: message}. */
    public String format() {
        return source + ":" + line + ":" + column + ": warning: " + message;
    }
}
