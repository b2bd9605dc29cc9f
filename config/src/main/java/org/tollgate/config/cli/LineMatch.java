package org.tollgate.config.cli;

/** The outcome of matching one EXEC line against the {@link CommandTree}. */
public sealed interface LineMatch {

    /** A blank line: nothing to do. */
    record Empty() implements LineMatch {
    }

    /** The line names exactly one command. */
    record Matched(Command command, ParsedArgs args) implements LineMatch {
    }

    /** A word matched several keywords: IOS {@code % Ambiguous command:  "LINE"}. */
    record Ambiguous(String line) implements LineMatch {
        public String message() {
            return "% Ambiguous command:  \"" + line + "\"";
        }
    }

    /** The line stopped before a command was complete: IOS {@code % Incomplete command.} */
    record Incomplete() implements LineMatch {
        public String message() {
            return "% Incomplete command.";
        }
    }

    /**
     * A word did not match: IOS {@code % Invalid input detected at '^' marker.}
     *
     * @param column 0-based offset of the offending character in the line
     */
    record Invalid(int column) implements LineMatch {
        public static final String MESSAGE = "% Invalid input detected at '^' marker.";
    }
}
