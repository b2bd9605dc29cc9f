package org.tollgate.lines.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tollgate.lines.chat.ChatStep.SendPart;

/**
 * Parses the text of an IOS {@code chat-script NAME text} (the text kept verbatim by the configuration).
 *
 * <p>Syntax (IOS "chat-script" and chat(8)): whitespace-separated tokens, a token may be quoted with
 * {@code "..."} ({@code ""} is the empty token); tokens alternate expect, send, expect, send...; in expect
 * position the keywords {@code ABORT string} and {@code TIMEOUT seconds} may appear. An expect token may
 * hold expect-send-expect sub-pairs separated by {@code -}. Escapes: {@code \T} dial string, {@code \c} no
 * CR after the send, {@code \d} 2 s pause, {@code \p} 0.25 s pause, {@code \n} LF, {@code \r} CR,
 * {@code \s} space, {@code \t} tab, {@code \\}, {@code \"}, {@code \K} BREAK, {@code \N} NUL. In expect
 * and ABORT strings only the character escapes ({@code \n \r \s \t \\ \" \N}) are allowed.
 *
 * <p>Limits: script text at most {@value #MAX_TEXT} characters; {@code TIMEOUT} 1..{@value #MAX_TIMEOUT}
 * seconds; an expect string at most {@value ChatMachine#MAX_EXPECT} characters.
 */
public final class ChatScriptParser {

    /** Longest script text accepted (IOS limits a configuration line; we accept this much). */
    public static final int MAX_TEXT = 2048;
    /** Largest TIMEOUT in seconds. */
    public static final int MAX_TIMEOUT = 3600;

    private static final Duration PAUSE_D = Duration.ofSeconds(2);
    private static final Duration PAUSE_P = Duration.ofMillis(250);

    private ChatScriptParser() {
    }

    private record Token(String raw, int column) {
    }

    /** Thrown internally and turned into {@link ChatParseResult.Failed}; never escapes. */
    private static final class Problem extends Exception {
        final int column;

        Problem(int column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /** Parses {@code text}; errors come back as a value. */
    public static ChatParseResult parse(String name, String text) {
        try {
            if (text.length() > MAX_TEXT) {
                throw new Problem(MAX_TEXT + 1, "script longer than " + MAX_TEXT + " characters");
            }
            return new ChatParseResult.Ok(new ChatScript(name, text, steps(tokenize(text))));
        } catch (Problem p) {
            return new ChatParseResult.Failed(name, p.column, p.getMessage());
        }
    }

    private static List<Token> tokenize(String text) throws Problem {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder raw = new StringBuilder();
            if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        raw.append(d).append(text.charAt(i + 1));
                        i += 2;
                    } else if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    } else {
                        raw.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    throw new Problem(start + 1, "unterminated quoted string");
                }
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        raw.append(d).append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        raw.append(d);
                        i++;
                    }
                }
            }
            tokens.add(new Token(raw.toString(), start + 1));
        }
        return tokens;
    }

    private static List<ChatStep> steps(List<Token> tokens) throws Problem {
        List<ChatStep> steps = new ArrayList<>();
        boolean expectPosition = true;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (expectPosition && (t.raw().equals("ABORT") || t.raw().equals("TIMEOUT"))) {
                if (i + 1 >= tokens.size()) {
                    throw new Problem(t.column(), t.raw() + " needs an argument");
                }
                Token arg = tokens.get(++i);
                if (t.raw().equals("ABORT")) {
                    String s = plainText(arg.raw(), arg.column());
                    if (s.isEmpty()) {
                        throw new Problem(arg.column(), "empty ABORT string");
                    }
                    steps.add(new ChatStep.Abort(s, arg.raw()));
                } else {
                    steps.add(new ChatStep.Timeout(Duration.ofSeconds(seconds(arg))));
                }
                continue;
            }
            if (expectPosition) {
                steps.add(expect(t));
            } else {
                steps.add(send(t.raw(), t.column()));
            }
            expectPosition = !expectPosition;
        }
        return steps;
    }

    private static int seconds(Token arg) throws Problem {
        int value;
        try {
            value = Integer.parseInt(arg.raw());
        } catch (NumberFormatException e) {
            throw new Problem(arg.column(), "TIMEOUT needs a number of seconds, not '" + arg.raw() + "'");
        }
        if (value < 1 || value > MAX_TIMEOUT) {
            throw new Problem(arg.column(), "TIMEOUT out of range <1-" + MAX_TIMEOUT + ">");
        }
        return value;
    }

    private static ChatStep.Expect expect(Token t) throws Problem {
        // split on '-' not part of an escape
        List<String> pieces = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        String raw = t.raw();
        int pieceStart = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '-') {
                pieces.add(raw.substring(pieceStart, i));
                columns.add(pieceStart);
                pieceStart = i + 1;
            }
        }
        pieces.add(raw.substring(pieceStart));
        columns.add(pieceStart);
        if (pieces.size() % 2 == 0) {
            throw new Problem(t.column(), "expect-send-expect sub-pair '" + raw + "' lacks its final expect");
        }
        int base = t.column();
        String first = plainText(pieces.get(0), base);
        if (first.length() > ChatMachine.MAX_EXPECT) {
            throw new Problem(base, "expect string longer than " + ChatMachine.MAX_EXPECT + " characters");
        }
        List<ChatStep.Fallback> fallbacks = new ArrayList<>();
        for (int p = 1; p + 1 < pieces.size(); p += 2) {
            ChatStep.Send send = send(pieces.get(p), base + columns.get(p));
            String again = plainText(pieces.get(p + 1), base + columns.get(p + 1));
            if (again.length() > ChatMachine.MAX_EXPECT) {
                throw new Problem(base + columns.get(p + 1), "expect string too long");
            }
            fallbacks.add(new ChatStep.Fallback(send, again, pieces.get(p + 1)));
        }
        return new ChatStep.Expect(first, pieces.get(0), fallbacks);
    }

    /** Resolves the character escapes of an expect or ABORT string. */
    private static String plainText(String raw, int column) throws Problem {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) {
                throw new Problem(column + i, "lone backslash at end of string");
            }
            char e = raw.charAt(++i);
            Character ch = characterEscape(e);
            if (ch == null) {
                throw new Problem(column + i - 1, "escape \\" + e + " is not allowed in an expect string");
            }
            out.append(ch.charValue());
        }
        return out.toString();
    }

    private static Character characterEscape(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 's' -> ' ';
            case 't' -> '\t';
            case '\\' -> '\\';
            case '"' -> '"';
            case 'N' -> '\0';
            default -> null;
        };
    }

    private static ChatStep.Send send(String raw, int column) throws Problem {
        List<SendPart> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean cr = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (i + 1 >= raw.length()) {
                throw new Problem(column + i, "lone backslash at end of string");
            }
            char e = raw.charAt(++i);
            Character ch = characterEscape(e);
            if (ch != null) {
                text.append(ch.charValue());
                continue;
            }
            SendPart special = switch (e) {
                case 'T' -> new SendPart.DialString();
                case 'd' -> new SendPart.Pause(PAUSE_D);
                case 'p' -> new SendPart.Pause(PAUSE_P);
                case 'K' -> new SendPart.Break();
                case 'c' -> null;
                default -> throw new Problem(column + i - 1, "unknown escape \\" + e);
            };
            if (special == null) {
                cr = false;
                continue;
            }
            if (!text.isEmpty()) {
                parts.add(new SendPart.Text(text.toString()));
                text.setLength(0);
            }
            parts.add(special);
        }
        if (!text.isEmpty()) {
            parts.add(new SendPart.Text(text.toString()));
        }
        return new ChatStep.Send(parts, cr, raw);
    }
}
