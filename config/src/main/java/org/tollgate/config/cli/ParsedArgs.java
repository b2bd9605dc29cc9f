package org.tollgate.config.cli;

import java.util.Map;
import java.util.Optional;

/**
 * The values a command line supplied, by element name ({@link Arg#name()}); keywords that were
 * present map to their full word.
 */
public record ParsedArgs(Map<String, String> values) {
    public ParsedArgs {
        values = Map.copyOf(values);
    }

    public static ParsedArgs none() {
        return new ParsedArgs(Map.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of a mandatory element; throws when the command was registered without it. */
    public String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no argument '" + name + "' in this command");
        }
        return v;
    }

    /** The value of a mandatory {@link Arg.Number} element. */
    public long number(String name) {
        return Long.parseLong(text(name));
    }
}
