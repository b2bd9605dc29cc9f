package org.tollgate.lines.vpn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code .pcf} connection profile (INI: {@code [main]} with {@code Description}, {@code Host},
 * {@code AuthType}, {@code GroupName}, {@code GroupPwd}/{@code enc_GroupPwd}, {@code Username},
 * {@code UserPassword}/{@code enc_UserPassword}, {@code SaveUserPassword}, ...), edited in place so that
 * rewriting it keeps every other line, comment and key order.
 *
 * <p>Keys are case-insensitive. Lines starting with {@code ;} or {@code #} are comments. Limits: at most
 * {@value #MAX_LINES} lines of at most {@value #MAX_LINE_LENGTH} characters. Parse errors are values with
 * line and column.
 */
public final class PcfProfile {
    public static final int MAX_LINES = 1000;
    public static final int MAX_LINE_LENGTH = 4096;
    public static final String MAIN = "main";

    /** Result of parsing. */
    public sealed interface Parsed {}

    public record Ok(PcfProfile profile) implements Parsed {}

    public record Error(int line, int column, String message) implements Parsed {}

    private final List<String> lines;

    private PcfProfile(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    public static Parsed parse(List<String> lines) {
        if (lines.size() > MAX_LINES) {
            return new Error(MAX_LINES + 1, 1, "profile longer than " + MAX_LINES + " lines");
        }
        boolean sawMain = false;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.length() > MAX_LINE_LENGTH) {
                return new Error(i + 1, MAX_LINE_LENGTH + 1, "line longer than " + MAX_LINE_LENGTH + " characters");
            }
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith(";") || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("[")) {
                if (!l.endsWith("]")) {
                    return new Error(i + 1, raw.length() + 1, "section header without ']'");
                }
                sawMain |= l.substring(1, l.length() - 1).strip().equalsIgnoreCase(MAIN);
                continue;
            }
            int eq = l.indexOf('=');
            if (eq <= 0) {
                return new Error(i + 1, raw.indexOf(l) + 1, "expected key=value");
            }
        }
        if (!sawMain) {
            return new Error(1, 1, "no [main] section");
        }
        return new Ok(new PcfProfile(lines));
    }

    /** The value of {@code key} in {@code [main]}; an empty value counts as absent. */
    public Optional<String> get(String key) {
        int i = find(key);
        if (i < 0) {
            return Optional.empty();
        }
        String l = lines.get(i).strip();
        String v = l.substring(l.indexOf('=') + 1).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** Sets {@code key} in {@code [main]}, replacing its line or adding one at the end of the section. */
    public void set(String key, String value) {
        int i = find(key);
        if (i >= 0) {
            lines.set(i, key + "=" + value);
            return;
        }
        int end = mainEnd();
        lines.add(end, key + "=" + value);
    }

    /** Removes {@code key} from {@code [main]}. */
    public void remove(String key) {
        int i;
        while ((i = find(key)) >= 0) {
            lines.remove(i);
        }
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    private int find(String key) {
        boolean inMain = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                inMain = l.substring(1, l.length() - 1).strip().equalsIgnoreCase(MAIN);
            } else if (inMain && !l.startsWith(";") && !l.startsWith("#")) {
                int eq = l.indexOf('=');
                if (eq > 0 && l.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int mainEnd() {
        boolean inMain = false;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("[") && l.endsWith("]")) {
                if (inMain) {
                    return last + 1;
                }
                inMain = l.substring(1, l.length() - 1).strip().equalsIgnoreCase(MAIN);
                last = i;
            } else if (inMain && !l.isEmpty()) {
                last = i;
            }
        }
        return last + 1;
    }
}
