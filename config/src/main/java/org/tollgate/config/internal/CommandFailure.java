package org.tollgate.config.internal;

/**
 * Internal control flow of the command parser: a line is invalid at a 0-based offset. The engine
 * turns it into a {@link org.tollgate.config.ConfigError} value; it never escapes the package.
 */
final class CommandFailure extends RuntimeException {
    private final int offset;

    CommandFailure(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** 0-based offset in the line where the caret goes. */
    int offset() {
        return offset;
    }
}
