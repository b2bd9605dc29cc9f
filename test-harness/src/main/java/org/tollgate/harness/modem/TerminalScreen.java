package org.tollgate.harness.modem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dumb terminal (HyperTerminal in the seed) shows for a byte stream: CR returns to column 0, LF
 * moves down a line, BS moves left, printable characters overwrite. {@link #lines()} gives the screen
 * lines with trailing spaces removed (a screen cannot show them).
 */
public final class TerminalScreen {

    private TerminalScreen() {
    }

    /** Renders {@code bytes} (ISO-8859-1) to screen lines. */
    public static List<String> render(byte[] bytes) {
        List<StringBuilder> rows = new ArrayList<>();
        rows.add(new StringBuilder());
        int row = 0;
        int col = 0;
        for (char c : new String(bytes, StandardCharsets.ISO_8859_1).toCharArray()) {
            switch (c) {
                case '\r' -> col = 0;
                case '\n' -> {
                    row++;
                    if (row == rows.size()) {
                        rows.add(new StringBuilder());
                    }
                }
                case '\b' -> col = Math.max(0, col - 1);
                default -> {
                    if (c < 32) {
                        continue;
                    }
                    StringBuilder line = rows.get(row);
                    while (line.length() < col) {
                        line.append(' ');
                    }
                    if (col < line.length()) {
                        line.setCharAt(col, c);
                    } else {
                        line.append(c);
                    }
                    col++;
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder b : rows) {
            out.add(b.toString().stripTrailing());
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }
}
