package org.tollgate.callcontrol.routing;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled IOS {@code destination-pattern} (Cisco "Dial Peer Configuration: wildcards").
 *
 * <p>Supported syntax, over the dial alphabet {@value #ALPHABET}:
 * <ul>
 * <li>digits {@code 0-9}, {@code *}, {@code #}, {@code A-D}: themselves;</li>
 * <li>a leading {@code +}: the E.164 plus sign, matched literally;</li>
 * <li>{@code .}: any one digit;</li>
 * <li>{@code [0-9]}, {@code [1235]}, {@code [^4-6]}: one digit from (or not from) the set;</li>
 * <li>{@code ( )}: grouping for the repeat marks below;</li>
 * <li>{@code +} (not leading): the preceding digit or group one or more times; {@code %}: zero or
 *     more times; {@code ?}: zero or one time;</li>
 * <li>{@code ,}: a pause when dialling out, ignored for matching;</li>
 * <li>{@code T} (last only): any number (0..{@value #MAX_VARIABLE_DIGITS}) of further digits, ended by the
 *     inter-digit timeout or {@code #}. Such a pattern is <em>variable</em>: it only completes when
 *     collection ends.</li>
 * </ul>
 * Patterns are at most {@value #MAX_PATTERN_LENGTH} characters. {@link #compile(String)} returns a
 * {@link Compiled} value or an {@link Invalid} one with a 1-based column.
 */
public final class DestinationPattern {
    /** The digits a caller can dial. */
    public static final String ALPHABET = "0123456789*#ABCD";
    /** Longest accepted pattern text. */
    public static final int MAX_PATTERN_LENGTH = 64;
    /** Most digits a {@code T} absorbs (the IOS dial-string limit). */
    public static final int MAX_VARIABLE_DIGITS = 32;

    /**
     * Results compiled so far, by pattern text (results are immutable): the SIP edge looks up the
     * inbound dial-peer of every call, which compiled each peer's patterns per call. Emptied past
     * {@value #MAX_CACHED} entries.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Result> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 4096;

    private final String text;
    private final Pattern regex;
    private final boolean variable;
    private final int literalDigits;
    private final int classPositions;

    private DestinationPattern(String text, Pattern regex, boolean variable, int literalDigits, int classPositions) {
        this.text = text;
        this.regex = regex;
        this.variable = variable;
        this.literalDigits = literalDigits;
        this.classPositions = classPositions;
    }

    /** Result of {@link #compile(String)}. */
    public sealed interface Result {
    }

    /** A valid pattern. */
    public record Compiled(DestinationPattern pattern) implements Result {
    }

    /** An invalid pattern: {@code message} at 1-based {@code column} of the pattern text. */
    public record Invalid(String message, int column) implements Result {
    }

    /** How a dialled string relates to this pattern. */
    public enum Match {
        /** It matches completely and no longer string would. */
        FULL,
        /** It matches completely and longer strings could match too (routing waits for more digits). */
        FULL_EXTENSIBLE,
        /** It does not match yet but more digits could make it match. */
        PARTIAL,
        /** No continuation can match. */
        NONE
    }

    /** Compiles {@code text}; never throws for bad input. */
    public static Result compile(String text) {
        Objects.requireNonNull(text, "text");
        Result cached = COMPILED.get(text);
        if (cached == null) {
            if (COMPILED.size() >= MAX_CACHED) {
                COMPILED.clear();
            }
            cached = compileText(text);
            COMPILED.put(text, cached);
        }
        return cached;
    }

    private static Result compileText(String text) {
        if (text.isEmpty()) {
            return new Invalid("empty destination-pattern", 1);
        }
        if (text.length() > MAX_PATTERN_LENGTH) {
            return new Invalid("destination-pattern longer than " + MAX_PATTERN_LENGTH + " characters",
                    MAX_PATTERN_LENGTH + 1);
        }
        StringBuilder re = new StringBuilder();
        boolean variable = false;
        boolean afterT = false;
        int literal = 0;
        int classes = 0;
        boolean canRepeat = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            int col = i + 1;
            if (afterT) {
                return new Invalid("nothing may follow T", col);
            }
            if (c == '+' && i == 0) {
                re.append("\\+");
                literal++;
                canRepeat = false;
            } else if (ALPHABET.indexOf(c) >= 0) {
                re.append(Pattern.quote(String.valueOf(c)));
                literal++;
                canRepeat = true;
            } else if (c == '.') {
                re.append(charClass(ALPHABET));
                canRepeat = true;
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    return new Invalid("unterminated [", col);
                }
                SetResult set = digitSet(text.substring(i + 1, end), col + 1);
                if (set.error() != null) {
                    return set.error();
                }
                re.append(set.regex());
                classes++;
                canRepeat = true;
                i = end;
            } else if (c == '(') {
                re.append("(?:");
                depth++;
                canRepeat = false;
            } else if (c == ')') {
                if (depth == 0) {
                    return new Invalid("unbalanced )", col);
                }
                re.append(')');
                depth--;
                canRepeat = true;
            } else if (c == '+' || c == '%' || c == '?') {
                if (!canRepeat) {
                    return new Invalid("'" + c + "' must follow a digit, wildcard or group", col);
                }
                re.append(c == '+' ? "+" : c == '%' ? "*" : "?");
                variable |= c != '?';
                canRepeat = false;
            } else if (c == ',') {
                continue;
            } else if (c == 'T') {
                re.append(charClass(ALPHABET)).append("{0,").append(MAX_VARIABLE_DIGITS).append('}');
                variable = true;
                afterT = true;
            } else {
                return new Invalid("invalid character '" + text.charAt(i) + "' in destination-pattern", col);
            }
        }
        if (depth != 0) {
            return new Invalid("unbalanced (", text.length());
        }
        return new Compiled(new DestinationPattern(text, Pattern.compile(re.toString()),
                variable, literal, classes));
    }

    /** Compiles a pattern known to be valid (tests, constants); throws on a bad one. */
    public static DestinationPattern of(String text) {
        return switch (compile(text)) {
            case Compiled c -> c.pattern();
            case Invalid i -> throw new IllegalArgumentException(i.message() + " at column " + i.column());
        };
    }

    private record SetResult(String regex, Invalid error) {
        static SetResult fail(String message, int column) {
            return new SetResult(null, new Invalid(message, column));
        }
    }

    private static SetResult digitSet(String body, int firstCol) {
        boolean negate = body.startsWith("^");
        String b = negate ? body.substring(1) : body;
        if (b.isEmpty()) {
            return SetResult.fail("empty digit set", firstCol);
        }
        Set<Character> chars = new LinkedHashSet<>();
        for (int j = 0; j < b.length(); j++) {
            char c = Character.toUpperCase(b.charAt(j));
            int col = firstCol + (negate ? 1 : 0) + j;
            if (ALPHABET.indexOf(c) < 0) {
                return SetResult.fail("invalid character '" + b.charAt(j) + "' in digit set", col);
            }
            if (j + 2 < b.length() && b.charAt(j + 1) == '-') {
                char hi = Character.toUpperCase(b.charAt(j + 2));
                if (!Character.isDigit(c) || !Character.isDigit(hi) || hi < c) {
                    return SetResult.fail("invalid range " + c + "-" + hi, col);
                }
                for (char d = c; d <= hi; d++) {
                    chars.add(d);
                }
                j += 2;
            } else {
                chars.add(c);
            }
        }
        StringBuilder members = new StringBuilder();
        for (char c : ALPHABET.toCharArray()) {
            if (chars.contains(c) != negate) {
                members.append(c);
            }
        }
        if (members.isEmpty()) {
            return SetResult.fail("digit set matches nothing", firstCol);
        }
        return new SetResult(charClass(members.toString()), null);
    }

    private static String charClass(String members) {
        StringBuilder sb = new StringBuilder("[");
        for (char c : members.toCharArray()) {
            sb.append(c == '*' || c == '#' ? "\\" + c : String.valueOf(c));
        }
        return sb.append(']').toString();
    }

    /**
     * How {@code dialled} relates to this pattern while digits are still coming. A variable
     * pattern never reports {@link Match#FULL}: it reports {@link Match#FULL_EXTENSIBLE} until
     * collection ends.
     */
    public Match match(String dialled) {
        String d = dialled.toUpperCase(java.util.Locale.ROOT);
        Matcher m = regex.matcher(d);
        boolean full = m.matches();
        boolean prefix = !full && m.hitEnd();
        if (!full) {
            return prefix ? Match.PARTIAL : Match.NONE;
        }
        if (variable) {
            return Match.FULL_EXTENSIBLE;
        }
        for (char c : ALPHABET.toCharArray()) {
            Matcher n = regex.matcher(d + c);
            if (n.matches() || n.hitEnd()) {
                return Match.FULL_EXTENSIBLE;
            }
        }
        return Match.FULL;
    }

    /** Whether the complete dialled string (collection ended) matches. */
    public boolean matchesComplete(String dialled) {
        return regex.matcher(dialled.toUpperCase(java.util.Locale.ROOT)).matches();
    }

    /** The pattern as configured. */
    public String text() {
        return text;
    }

    /** Whether the pattern has {@code T}, {@code +} or {@code %} (matches strings of many lengths). */
    public boolean variable() {
        return variable;
    }

    /** Count of explicit digits: the first routing rank (more is more specific). */
    public int literalDigits() {
        return literalDigits;
    }

    /** Count of {@code [...]} sets: the second routing rank (more is more specific than {@code .}). */
    public int classPositions() {
        return classPositions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DestinationPattern p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
