package org.tollgate.lines.exec;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Reads one command line from a character-at-a-time terminal and echoes it, IOS style.
 *
 * <p>Keys: printable ASCII inserts at the end; Backspace (^H) and DEL erase one character; ^U
 * erases the line; ^W the previous word; ^C interrupts; ^Z suspends (ends configuration mode);
 * Tab completes the last word; {@code ?} prints help at once (without Enter) and redisplays the
 * line; up/down arrows (ANSI {@code ESC [ A}/{@code B}, also {@code ESC O A}/{@code B}) and ^P/^N walk
 * the history; CR or LF ends the line. Left/right arrows are consumed and ignored (editing happens
 * at the end of the line). Limit: a line holds at most {@value #MAX_LINE} characters; more are
 * dropped with a bell.
 */
public final class LineEditor {
    /** Longest line accepted (IOS accepts long pasted lines; 4096 covers any configuration line). */
    public static final int MAX_LINE = 4096;
    private static final char BELL = 7;

    /** What the editor asks the command framework for. */
    public interface Assist {
        /** Help text for the {@code ?} key, given the text before it (lines ended by \n). */
        String help(String before);

        /** The completed line for Tab, or empty. */
        Optional<String> complete(String line);
    }

    /** How a read ended. */
    public sealed interface Result {
        record Line(String text) implements Result {
        }

        /** ^C */
        record Interrupt() implements Result {
        }

        /** ^Z */
        record Suspend() implements Result {
        }

        /** The peer closed the connection. */
        record Eof() implements Result {
        }
    }

    private final InputStream in;
    private final TerminalOutput out;

    public LineEditor(InputStream in, TerminalOutput out) {
        this.in = in;
        this.out = out;
    }

    /** Reads one line after writing {@code prompt}; when {@code echo} is false nothing typed is shown. */
    public Result readLine(String prompt, boolean echo, Assist assist, List<String> history) throws IOException {
        out.write(prompt);
        StringBuilder buf = new StringBuilder();
        int historyIndex = history.size();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return new Result.Eof();
            }
            switch (c) {
                case '\r', '\n' -> {
                    out.write("\n");
                    return new Result.Line(buf.toString());
                }
                case 3 -> {
                    out.write("^C\n");
                    return new Result.Interrupt();
                }
                case 0x1a -> {
                    out.write("^Z\n");
                    return new Result.Suspend();
                }
                case 8, 0x7f -> {
                    if (!buf.isEmpty()) {
                        buf.setLength(buf.length() - 1);
                        if (echo) {
                            out.write("\b \b");
                        }
                    }
                }
                case 0x15 -> erase(buf, buf.length(), echo);
                case 0x17 -> erase(buf, wordLength(buf), echo);
                case '\t' -> {
                    if (echo && assist != null) {
                        Optional<String> done = assist.complete(buf.toString());
                        if (done.isPresent()) {
                            erase(buf, buf.length(), true);
                            buf.append(done.get());
                            out.write(done.get());
                        } else {
                            out.write(String.valueOf(BELL));
                        }
                    }
                }
                case '?' -> {
                    if (echo && assist != null) {
                        out.write("?\n" + assist.help(buf.toString()) + "\n" + prompt + buf);
                    } else {
                        append(buf, (char) c, echo);
                    }
                }
                case 0x10 -> historyIndex = recall(buf, history, historyIndex - 1, echo);
                case 0x0e -> historyIndex = recall(buf, history, historyIndex + 1, echo);
                case 0x1b -> {
                    int c2 = in.read();
                    if (c2 == '[' || c2 == 'O') {
                        int c3 = in.read();
                        if (c3 == 'A') {
                            historyIndex = recall(buf, history, historyIndex - 1, echo);
                        } else if (c3 == 'B') {
                            historyIndex = recall(buf, history, historyIndex + 1, echo);
                        }
                    }
                }
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        append(buf, (char) c, echo);
                    }
                }
            }
        }
    }

    private void append(StringBuilder buf, char c, boolean echo) {
        if (buf.length() >= MAX_LINE) {
            out.write(String.valueOf(BELL));
            return;
        }
        buf.append(c);
        if (echo) {
            out.write(String.valueOf(c));
        }
    }

    private void erase(StringBuilder buf, int n, boolean echo) {
        if (n <= 0) {
            return;
        }
        buf.setLength(buf.length() - n);
        if (echo) {
            out.write("\b".repeat(n) + " ".repeat(n) + "\b".repeat(n));
        }
    }

    private static int wordLength(StringBuilder buf) {
        int i = buf.length();
        while (i > 0 && buf.charAt(i - 1) == ' ') {
            i--;
        }
        while (i > 0 && buf.charAt(i - 1) != ' ') {
            i--;
        }
        return buf.length() - i;
    }

    private int recall(StringBuilder buf, List<String> history, int index, boolean echo) {
        if (!echo || history.isEmpty()) {
            return history.size();
        }
        int i = Math.max(0, Math.min(history.size(), index));
        erase(buf, buf.length(), true);
        String text = i == history.size() ? "" : history.get(i);
        buf.append(text);
        out.write(text);
        return i;
    }
}
