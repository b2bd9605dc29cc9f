package org.tollgate.config.cli;

import java.util.Objects;

/**
 * One element of a command's syntax after its leading keywords: a keyword or a typed argument.
 *
 * <p>Build them with the static factories ({@link #keyword}, {@link #word}, {@link #line},
 * {@link #number}, {@link #ipv4}, {@link #voicePort}) and pass them to
 * {@link CommandRegistry.CommandBuilder#arg} or {@link CommandRegistry.CommandBuilder#optional}.
 * An argument's {@code name} is the key its value is stored under in {@link ParsedArgs}; a keyword
 * stores itself (its full word) when present.
 */
public sealed interface Arg {

    /** The key under which the parsed value is stored. */
    String name();

    /** The help text shown by {@code ?}. */
    String help();

    /** What {@code ?} shows in the left column ({@code WORD}, {@code <1-180>}, the keyword itself ...). */
    String label();

    /** A fixed keyword, matched by unique prefix as IOS does. */
    record Keyword(String name, String help) implements Arg {
        public Keyword {
            Objects.requireNonNull(name);
            Objects.requireNonNull(help);
            if (name.isBlank() || name.contains(" ")) {
                throw new IllegalArgumentException("a keyword is one word: '" + name + "'");
            }
        }

        @Override
        public String label() {
            return name;
        }
    }

    /** Any single word ({@code WORD}). */
    record Word(String name, String help) implements Arg {
        @Override
        public String label() {
            return "WORD";
        }
    }

    /** The rest of the line, verbatim from this position ({@code LINE}); must be the last element. */
    record Line(String name, String help) implements Arg {
        @Override
        public String label() {
            return "LINE";
        }
    }

    /** A decimal integer in {@code [min, max]} ({@code <min-max>}). */
    record Number(String name, long min, long max, String help) implements Arg {
        public Number {
            if (min > max) {
                throw new IllegalArgumentException("empty range " + min + "-" + max);
            }
        }

        @Override
        public String label() {
            return "<" + min + "-" + max + ">";
        }

        boolean accepts(String token) {
            if (token.isEmpty() || token.length() > 18 || !token.chars().allMatch(Character::isDigit)) {
                return false;
            }
            long v = Long.parseLong(token);
            return v >= min && v <= max;
        }
    }

    /** A dotted-quad IPv4 address ({@code A.B.C.D}). */
    record Ipv4(String name, String help) implements Arg {
        @Override
        public String label() {
            return "A.B.C.D";
        }

        static boolean accepts(String token) {
            String[] parts = token.split("\\.", -1);
            if (parts.length != 4) {
                return false;
            }
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                        || Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A voice-port identifier {@code slot/subunit/port} ({@code X/Y/Z}), each part 0..999. */
    record VoicePort(String name, String help) implements Arg {
        @Override
        public String label() {
            return "X/Y/Z";
        }

        static boolean accepts(String token) {
            return token.matches("\\d{1,3}/\\d{1,3}/\\d{1,3}");
        }
    }

    /** A keyword; when present, {@link ParsedArgs#has(String)} of the keyword is true. */
    static Arg keyword(String word, String help) {
        return new Keyword(word, help);
    }

    static Arg word(String name, String help) {
        return new Word(name, help);
    }

    static Arg line(String name, String help) {
        return new Line(name, help);
    }

    static Arg number(String name, long min, long max, String help) {
        return new Number(name, min, max, help);
    }

    static Arg ipv4(String name, String help) {
        return new Ipv4(name, help);
    }

    static Arg voicePort(String name, String help) {
        return new VoicePort(name, help);
    }

    /** Whether {@code token} is a complete value of this element (keywords: not used, see the matcher). */
    static boolean valueAccepts(Arg arg, String token) {
        return switch (arg) {
            case Keyword k -> k.name().equalsIgnoreCase(token);
            case Word w -> true;
            case Line l -> true;
            case Number n -> n.accepts(token);
            case Ipv4 i -> Ipv4.accepts(token);
            case VoicePort v -> VoicePort.accepts(token);
        };
    }
}
