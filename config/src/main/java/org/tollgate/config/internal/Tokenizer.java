package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a configuration line into words. Words are separated by spaces or tabs; a word starting with
 * {@code "} runs to the next unescaped {@code "} ({@code \"} inside quotes does not end it; backslash
 * escapes are kept verbatim for chat-scripts). Limits: a line is at most {@value #MAX_LINE} characters.
 */
final class Tokenizer {
    /** Longest accepted line, in characters (IOS accepts 4096-character lines when pasting; so do we). */
    static final int MAX_LINE = 4096;

    private Tokenizer() {
    }

    /** The words of {@code line}; throws {@link CommandFailure} for an unterminated quote or a too-long line. */
    static List<Token> tokenize(String line) {
        if (line.length() > MAX_LINE) {
            throw new CommandFailure(MAX_LINE, "% Line too long (more than " + MAX_LINE + " characters)");
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            if (c == '"') {
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                boolean closed = false;
                while (j < n) {
                    char d = line.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        sb.append(d).append(line.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '"') {
                        closed = true;
                        j++;
                        break;
                    }
                    sb.append(d);
                    j++;
                }
                if (!closed) {
                    throw new CommandFailure(start, "% Unterminated quoted string");
                }
                out.add(new Token(sb.toString(), start, j, true));
                i = j;
            } else {
                int j = i;
                while (j < n && line.charAt(j) != ' ' && line.charAt(j) != '\t') {
                    j++;
                }
                out.add(new Token(line.substring(start, j), start, j, false));
                i = j;
            }
        }
        return out;
    }
}
