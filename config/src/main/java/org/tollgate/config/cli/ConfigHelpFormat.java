package org.tollgate.config.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tollgate.config.ConfigHelp;

/**
 * Turns the configuration language's candidate list ({@code ConfigSession.completions}) into IOS
 * {@code ?} output and Tab completion, the same way the EXEC tree does.
 */
final class ConfigHelpFormat {
    private ConfigHelpFormat() {}

    static String format(String before, List<ConfigHelp> helps) {
        boolean atWordStart = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1));
        if (helps.isEmpty()) {
            return "% Unrecognized command\n";
        }
        if (!atWordStart) {
            List<String> words = new ArrayList<>();
            for (ConfigHelp h : helps) {
                words.add(h.word());
            }
            return String.join("  ", words) + "\n";
        }
        int width = Math.max(13, helps.stream().mapToInt(h -> h.word().length()).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        for (ConfigHelp h : helps) {
            sb.append(h.help().isEmpty() ? "  " + h.word()
                    : String.format("  %-" + width + "s  %s", h.word(), h.help()).stripTrailing());
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<String> candidates(String line, List<ConfigHelp> helps) {
        boolean atWordStart = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        String partial = atWordStart ? "" : lastWord(line);
        List<String> out = new ArrayList<>();
        for (ConfigHelp h : helps) {
            String w = h.word();
            if (!w.startsWith("<") && !w.equals(w.toUpperCase()) && w.toLowerCase().startsWith(partial.toLowerCase())) {
                out.add(w);
            }
        }
        return out;
    }

    static Optional<String> complete(String line, List<ConfigHelp> helps) {
        List<String> c = candidates(line, helps);
        if (c.size() != 1 || line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1))) {
            return Optional.empty();
        }
        return Optional.of(line.substring(0, line.length() - lastWord(line).length()) + c.getFirst() + " ");
    }

    private static String lastWord(String line) {
        int i = line.length();
        while (i > 0 && !Character.isWhitespace(line.charAt(i - 1))) {
            i--;
        }
        return line.substring(i);
    }
}
