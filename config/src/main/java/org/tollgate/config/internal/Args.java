package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tollgate.config.ConfigHelp;
import org.tollgate.config.GatewayConfig;

/**
 * The argument cursor a {@link Handler} reads its words from.
 *
 * <p>Keywords match by unique prefix, case-insensitively, as IOS does ({@code dial-p voi 11 pot}).
 * A standalone {@code !} word starts a trailing comment (ignored), except for free-text arguments read
 * with {@link #rest(String)}.
 *
 * <p>In probe mode (for {@code ?} help) the word list ends where the user's cursor is: any read at
 * the end records what would be accepted there ({@link ConfigHelp}) and, for a required word,
 * stops the handler.
 */
final class Args {
    static final String INVALID = "% Invalid input detected at '^' marker.";
    static final String INCOMPLETE = "% Incomplete command.";

    /** Thrown in probe mode when the handler reaches the probe position with a required read. */
    static final class ProbeStop extends RuntimeException {
        ProbeStop() {
            super(null, null, false, false);
        }
    }

    /** What the engine offers a handler beyond its words. */
    interface LineContext {
        /** After this line, the session is in {@code mode} editing {@code key}. */
        void enter(ModeDef<?> mode, String key);

        /** A warning at {@code offset}. */
        void warn(int offset, String message);

        /** Records that this line names {@code refKey} (e.g. {@code lpcor:LocalUser}) at {@code offset}. */
        void ref(String refKey, int offset);

        /** The following lines up to one containing {@code delimiter} are text; then {@code finish} applies it. */
        void multiline(String delimiter, String firstPart, Function<String, UnaryOperator<GatewayConfig>> finish);

        /** The key of the mode the handler runs in ("" for global configuration). */
        String modeKey();
    }

    private final String line;
    private final List<Token> tokens;
    private final int limit;
    private final boolean negated;
    private final LineContext context;
    private final List<ConfigHelp> probe;
    private int pos;

    Args(String line, List<Token> tokens, int start, boolean negated, LineContext context, List<ConfigHelp> probe) {
        this.line = line;
        this.tokens = tokens;
        int l = tokens.size();
        for (int i = start; i < tokens.size(); i++) {
            if (!tokens.get(i).quoted() && tokens.get(i).text().equals("!")) {
                l = i;
                break;
            }
        }
        this.limit = l;
        this.pos = start;
        this.negated = negated;
        this.context = context;
        this.probe = probe;
    }

    /** True for the {@code no} form. */
    boolean negated() {
        return negated;
    }

    /** True when words remain. */
    boolean more() {
        return pos < limit;
    }

    /** True when words remain, counting a trailing {@code !} comment as words (for free text). */
    boolean moreRaw() {
        return pos < tokens.size();
    }

    LineContext context() {
        return context;
    }

    /** True when running for {@code ?} help rather than for real. */
    boolean probing() {
        return probe != null;
    }

    /** The next word, of any kind; {@code placeholder} and {@code help} describe it for {@code ?}. */
    Token next(String placeholder, String help) {
        if (pos >= limit) {
            if (probe != null) {
                probe.add(new ConfigHelp(placeholder, help));
                throw new ProbeStop();
            }
            throw incomplete();
        }
        return tokens.get(pos++);
    }

    /** The next word as text. */
    String word(String help) {
        return next("WORD", help).text();
    }

    /** The next word as a non-negative integer within {@code min..max}. */
    int integer(int min, int max, String help) {
        Token t = next("<" + min + "-" + max + ">", help);
        return checkInt(t, min, max);
    }

    private int checkInt(Token t, int min, int max) {
        long v;
        try {
            if (t.quoted() || !t.text().matches("-?\\d{1,12}")) {
                throw new NumberFormatException();
            }
            v = Long.parseLong(t.text());
        } catch (NumberFormatException e) {
            throw failAt(t, INVALID);
        }
        if (v < min || v > max) {
            throw failAt(t, outOfRange(t.text(), min, max));
        }
        return (int) v;
    }

    /** The message for a number outside its range: names the range. */
    static String outOfRange(String value, long min, long max) {
        return "% Invalid input detected at '^' marker: " + value + " is out of range <" + min + "-" + max + ">.";
    }

    /** The message for a word of the wrong form. */
    static String invalidValue(String value, String what) {
        return "% Invalid input detected at '^' marker: '" + value + "' is not a valid " + what + ".";
    }

    /** An optional integer: empty when no word remains or the next word is not a number. */
    OptionalInt optInteger(int min, int max, String help) {
        if (pos >= limit) {
            if (probe != null) {
                probe.add(new ConfigHelp("<" + min + "-" + max + ">", help));
            }
            return OptionalInt.empty();
        }
        Token t = tokens.get(pos);
        if (t.quoted() || !t.text().matches("\\d{1,12}")) {
            return OptionalInt.empty();
        }
        pos++;
        return OptionalInt.of(checkInt(t, min, max));
    }

    /** One of {@code keywords} (unique prefix); returns its full spelling. */
    String keyword(String... keywords) {
        if (pos >= limit) {
            if (probe != null) {
                for (String k : keywords) {
                    probe.add(new ConfigHelp(k, Help.of(k)));
                }
                throw new ProbeStop();
            }
            throw incomplete();
        }
        Token t = tokens.get(pos);
        Optional<String> m = match(t, keywords);
        if (m.isEmpty()) {
            throw failAt(t, INVALID);
        }
        pos++;
        return m.get();
    }

    /** One of {@code keywords} if the next word is one; otherwise nothing is consumed. */
    Optional<String> optKeyword(String... keywords) {
        if (pos >= limit) {
            if (probe != null) {
                for (String k : keywords) {
                    probe.add(new ConfigHelp(k, Help.of(k)));
                }
            }
            return Optional.empty();
        }
        Optional<String> m = match(tokens.get(pos), keywords);
        m.ifPresent(k -> pos++);
        return m;
    }

    /** The rest of the line as written, from the next word to the end (trailing spaces removed). */
    String rest(String help) {
        if (pos >= tokens.size()) {
            if (probe != null) {
                probe.add(new ConfigHelp("LINE", help));
                throw new ProbeStop();
            }
            throw incomplete();
        }
        String r = line.substring(tokens.get(pos).start()).strip();
        pos = tokens.size();
        return r;
    }

    /** Optional rest of the line. */
    Optional<String> optRest(String help) {
        if (pos >= limit) {
            if (probe != null) {
                probe.add(new ConfigHelp("LINE", help));
            }
            return Optional.empty();
        }
        return Optional.of(rest(help));
    }

    /** The remaining words (up to a comment), each as its text. */
    List<String> remainingWords(String help) {
        List<String> out = new ArrayList<>();
        if (pos >= limit && probe != null) {
            probe.add(new ConfigHelp("WORD", help));
        }
        while (pos < limit) {
            out.add(tokens.get(pos++).written());
        }
        return out;
    }

    /** The command must end here. */
    void end() {
        if (pos < limit) {
            throw failAt(tokens.get(pos), INVALID);
        }
        if (probe != null) {
            probe.add(new ConfigHelp("<cr>", ""));
            throw new ProbeStop();
        }
    }

    /** The last word read. */
    Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    /** A failure with the caret under the last word read. */
    CommandFailure fail(String message) {
        return new CommandFailure(previous().start(), message);
    }

    /** A failure with the caret under {@code t}. */
    CommandFailure failAt(Token t, String message) {
        return new CommandFailure(t.start(), message);
    }

    /** A failure "% Incomplete command." with the caret after the line. */
    CommandFailure incomplete() {
        return new CommandFailure(line.stripTrailing().length() + 1, INCOMPLETE);
    }

    /** Records a reference ({@code kind:name}) named by the last word read. */
    void ref(String kind, String name) {
        context.ref(kind + ":" + name, previous().start());
    }

    /** Records a definition position for warnings (e.g. {@code user:786}). */
    void define(String kind, String name) {
        context.ref("def-" + kind + ":" + name, previous().start());
    }

    /** A warning under the last word read. */
    void warn(String message) {
        context.warn(previous().start(), message);
    }

    /** Enters a sub-mode after this line. */
    void enter(ModeDef<?> mode, String key) {
        if (probe == null) {
            context.enter(mode, key);
        }
    }

    /** Unique-prefix, case-insensitive keyword match; an exact match wins. */
    static Optional<String> match(Token t, String... keywords) {
        if (t.quoted()) {
            return Optional.empty();
        }
        String w = t.text().toLowerCase(Locale.ROOT);
        String found = null;
        int count = 0;
        for (String k : keywords) {
            String kl = k.toLowerCase(Locale.ROOT);
            if (kl.equals(w)) {
                return Optional.of(k);
            }
            if (kl.startsWith(w)) {
                found = k;
                count++;
            }
        }
        if (count > 1) {
            throw new CommandFailure(t.start(), "% Ambiguous command: \"" + t.text() + "\"");
        }
        return Optional.ofNullable(found);
    }
}
