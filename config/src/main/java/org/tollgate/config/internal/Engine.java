package org.tollgate.config.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.tollgate.config.ConfigError;
import org.tollgate.config.ConfigHelp;
import org.tollgate.config.ConfigWarning;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.LineOutcome;
import org.tollgate.config.ParseResult;

/**
 * The configuration-mode state machine shared by file parsing and interactive {@code configure terminal}.
 *
 * <p>State: the configuration so far, a stack of modes (global first), the errors and warnings so far.
 * Each line is either a comment, {@code end}/{@code exit}, or a command resolved against the mode stack:
 * IOS semantics, a command unknown in the current sub-mode exits to the enclosing mode that knows it.
 * In file mode (strict) indentation is a hint: when the text indents its sub-commands (any command line
 * starts with a space), a line indented no deeper than a sub-mode's opener is tried in the enclosing
 * mode first; an entirely flat text, as pasted from some terminals, follows the IOS rule alone. Each
 * candidate mode is tried in turn; if none accepts the line, the error that got furthest is reported.
 *
 * <p>Strict (file) mode keeps going after an error so that every error is reported; any error makes
 * {@link #finish()} fail and nothing is applied. Cross references (LPCOR groups, chat-scripts,
 * voice-ports, ...) are checked once at the end, so definitions may follow their use. Interactive mode
 * applies each accepted line and checks references per line; a rejected line changes nothing.
 */
public final class Engine {
    /**
     * A mode on the stack.
     *
     * @param indent indentation of the line that opened it (-1 for global)
     * @param layout whether sub-commands are indented deeper than the opener (decided per file); a flat
     *     block follows the IOS rule only
     */
    private record Frame(ModeDef<?> mode, String key, int indent, Layout layout) {
    }

    private enum Layout { INDENTED, FLAT }

    /** At most this many errors are collected from one text (default 1000); later ones are counted only. */
    public static final int MAX_ERRORS = 1000;

    private record Pos(int line, int offset, String text) {
    }

    private record Pending(String delimiter, StringBuilder text, Function<String, UnaryOperator<GatewayConfig>> finish,
                           Pos start) {
    }

    private final String source;
    private final boolean strict;
    private GatewayConfig config;
    private final List<Frame> frames = new ArrayList<>();
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigWarning> warnings = new ArrayList<>();
    private final Map<String, List<Pos>> refs = new LinkedHashMap<>();
    private int lineNo;
    private Pending pending;
    private int skipIndent = -1;
    private boolean ended;
    private boolean warnedAfterEnd;
    private int droppedErrors;
    private final Layout layout;

    /**
     * @param source name used in errors (file name, or {@code terminal})
     * @param base the configuration the lines apply to
     * @param strict file semantics (all errors collected, all-or-nothing) versus interactive
     * @param indented the text indents its sub-commands (see {@link #usesIndentation(String)}); only
     *     meaningful when strict
     */
    public Engine(String source, GatewayConfig base, boolean strict, boolean indented) {
        this.source = source;
        this.config = base;
        this.strict = strict;
        this.layout = indented ? Layout.INDENTED : Layout.FLAT;
        frames.add(new Frame(Modes.GLOBAL, "", -1, Layout.INDENTED));
    }

    /** True when some command line of {@code text} (not a comment) starts with a space or tab. */
    public static boolean usesIndentation(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("!") && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                return true;
            }
        }
        return false;
    }

    /** The configuration with every accepted line applied so far. */
    public GatewayConfig current() {
        return config;
    }

    /** The IOS prompt suffix of the current mode. */
    public String mode() {
        return frames.getLast().mode().prompt;
    }

    /** True after {@code end} in a file. */
    public boolean ended() {
        return ended;
    }

    /** Processes one line. */
    public LineOutcome enter(String raw) {
        lineNo++;
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        if (pending != null) {
            return continueMultiline(line);
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("!")) {
            return accepted();
        }
        if (ended) {
            if (!warnedAfterEnd) {
                warnedAfterEnd = true;
                warnings.add(new ConfigWarning(source, lineNo, 1, "lines after 'end' are ignored"));
            }
            return accepted();
        }
        int indent = indentOf(line);
        if (strict && skipIndent >= 0) {
            if (indent > skipIndent) {
                return accepted();
            }
            skipIndent = -1;
        }
        List<Token> tokens;
        try {
            tokens = Tokenizer.tokenize(line);
        } catch (CommandFailure f) {
            return reject(line, f.offset(), f.getMessage());
        }
        Token first = tokens.getFirst();
        if (tokens.size() == 1 && first.text().equalsIgnoreCase("end")) {
            while (frames.size() > 1) {
                frames.removeLast();
            }
            if (strict) {
                ended = true;
            }
            return new LineOutcome.Ended();
        }
        String w = first.text().toLowerCase(Locale.ROOT);
        if (tokens.size() == 1 && !first.quoted() && w.length() >= 3 && "exit".startsWith(w)) {
            if (frames.size() == 1) {
                if (strict) {
                    return accepted();
                }
                return new LineOutcome.Ended();
            }
            frames.removeLast();
            return accepted();
        }
        boolean negated = !first.quoted() && first.text().equalsIgnoreCase("no");
        int start = negated ? 1 : 0;
        if (start >= tokens.size()) {
            return reject(line, line.stripTrailing().length(), Args.INCOMPLETE);
        }
        Token cmd = tokens.get(start);
        CommandFailure best = null;
        boolean bestOpensMode = false;
        for (int k : frameOrder(indent)) {
            Frame f = frames.get(k);
            switch (attempt(f.mode(), f.key(), tokens, start, negated, line)) {
                case Attempt.Done done -> {
                    return commit(k, done, indent);
                }
                case Attempt.Failed failed -> {
                    if (best == null || failed.failure().offset() > best.offset()) {
                        best = failed.failure();
                        bestOpensMode = failed.opensMode();
                    }
                }
            }
        }
        if (best == null) {
            best = new CommandFailure(cmd.start(), Args.INVALID);
        }
        if (strict && bestOpensMode) {
            skipIndent = indent;
        }
        return reject(line, best.offset(), best.getMessage());
    }

    /** Ends the session: checks references and returns the result. */
    public ParseResult finish() {
        if (pending != null) {
            Pos p = pending.start();
            errors.add(new ConfigError(source, p.line(), p.offset() + 1,
                    "% Unterminated text: no closing delimiter '" + pending.delimiter() + "'", p.text()));
            pending = null;
        }
        List<ConfigError> all = new ArrayList<>(strict ? errors : List.of());
        for (Validator.Issue issue : Validator.check(config)) {
            List<Pos> at = refs.getOrDefault(issue.refKey(), List.of());
            if (issue.error()) {
                if (at.isEmpty()) {
                    all.add(new ConfigError(source, Math.max(lineNo, 1), 1, issue.message(), ""));
                }
                for (Pos p : at) {
                    all.add(new ConfigError(source, p.line(), p.offset() + 1, issue.message(), p.text()));
                }
            } else {
                Pos p = at.isEmpty() ? new Pos(0, 0, "") : at.getLast();
                warnings.add(new ConfigWarning(source, p.line(), p.offset() + 1, issue.message()));
            }
        }
        if (droppedErrors > 0) {
            all.add(new ConfigError(source, lineNo, 1, "% " + droppedErrors + " more errors not shown", ""));
        }
        if (!all.isEmpty()) {
            all.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
            return new ParseResult.Failed(dedupe(all));
        }
        return new ParseResult.Ok(config, warnings);
    }

    /** Errors so far (strict mode). */
    public List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    /** {@code ?} help for a partial line in the current mode. */
    public List<ConfigHelp> completions(String partial) {
        List<Token> toks;
        try {
            toks = new ArrayList<>(Tokenizer.tokenize(partial));
        } catch (CommandFailure f) {
            return List.of();
        }
        boolean atSpace = partial.isEmpty() || Character.isWhitespace(partial.charAt(partial.length() - 1));
        String prefix = atSpace || toks.isEmpty() ? "" : toks.removeLast().text();
        Frame f = frames.getLast();
        List<ConfigHelp> out = new ArrayList<>();
        int start = !toks.isEmpty() && toks.getFirst().text().equalsIgnoreCase("no") ? 1 : 0;
        try {
            if (toks.isEmpty()) {
                addChildren(f.mode().root, out);
                f.mode().keptWords.stream().map(w -> w.split(" ")[0]).distinct().sorted()
                        .forEach(w -> out.add(new ConfigHelp(w, "Kept (no effect)")));
                out.add(new ConfigHelp("no", Help.of("no")));
                out.add(new ConfigHelp("exit", Help.of("exit")));
                out.add(new ConfigHelp("end", Help.of("end")));
            } else if (start == toks.size()) {
                addChildren(f.mode().root, out);
            } else {
                probeInto(f.mode(), f.key(), toks, start, out);
            }
        } catch (CommandFailure e) {
            return List.of();
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        Set<ConfigHelp> seen = new LinkedHashSet<>();
        for (ConfigHelp h : out) {
            String w = h.word();
            boolean placeholder = w.startsWith("<") || w.equals("WORD") || w.equals("LINE");
            if (placeholder ? p.isEmpty() || (w.matches("<\\d+-\\d+>") && p.matches("\\d+"))
                    : w.toLowerCase(Locale.ROOT).startsWith(p)) {
                seen.add(h);
            }
        }
        return List.copyOf(seen);
    }

    private <T> void addChildren(CommandNode<T> n, List<ConfigHelp> out) {
        for (CommandNode<T> c : n.children.values()) {
            out.add(new ConfigHelp(c.keyword, c.help));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> void probeInto(ModeDef<?> m, String key, List<Token> toks, int start, List<ConfigHelp> out) {
        ModeDef<T> mode = (ModeDef<T>) m;
        Optional<CommandNode<T>> first = mode.root.child(toks.get(start));
        if (first.isEmpty()) {
            return;
        }
        CommandNode<T> n = first.get();
        int i = start + 1;
        while (i < toks.size()) {
            Optional<CommandNode<T>> c = n.child(toks.get(i));
            if (c.isEmpty()) {
                break;
            }
            n = c.get();
            i++;
        }
        if (i == toks.size()) {
            addChildren(n, out);
        }
        if (n.handler != null) {
            Args a = new Args(String.join(" ", toks.stream().map(Token::written).toList()),
                    reposition(toks), i, start == 1, new ProbeContext(key), out);
            try {
                n.handler.apply(mode.open(config, key), a);
            } catch (Args.ProbeStop | CommandFailure e) {
                // the probe collected what it could
            }
        }
    }

    private static List<Token> reposition(List<Token> toks) {
        List<Token> out = new ArrayList<>();
        int off = 0;
        for (Token t : toks) {
            String w = t.written();
            out.add(new Token(t.text(), off, off + w.length(), t.quoted()));
            off += w.length() + 1;
        }
        return out;
    }

    private List<Integer> frameOrder(int indent) {
        List<Integer> order = new ArrayList<>();
        int top = frames.size() - 1;
        if (!strict) {
            for (int k = top; k >= 0; k--) {
                order.add(k);
            }
            return order;
        }
        int preferred = 0;
        for (int k = top; k >= 0; k--) {
            if (frames.get(k).indent() < indent || frames.get(k).layout() == Layout.FLAT) {
                preferred = k;
                break;
            }
        }
        for (int k = preferred; k >= 0; k--) {
            order.add(k);
        }
        for (int k = top; k > preferred; k--) {
            order.add(k);
        }
        return order;
    }

    private final class LineCtx implements Args.LineContext {
        private final String key;
        private final String line;
        ModeDef<?> enteredMode;
        String enteredKey;
        final List<ConfigWarning> lineWarnings = new ArrayList<>();
        final Map<String, Integer> lineRefs = new LinkedHashMap<>();
        Pending multiline;

        LineCtx(String key, String line) {
            this.key = key;
            this.line = line;
        }

        @Override
        public void enter(ModeDef<?> mode, String k) {
            enteredMode = mode;
            enteredKey = k;
        }

        @Override
        public void warn(int offset, String message) {
            lineWarnings.add(new ConfigWarning(source, lineNo, offset + 1, message));
        }

        @Override
        public void ref(String refKey, int offset) {
            lineRefs.putIfAbsent(refKey, offset);
        }

        @Override
        public void multiline(String delimiter, String firstPart, Function<String, UnaryOperator<GatewayConfig>> finish) {
            multiline = new Pending(delimiter, new StringBuilder(firstPart), finish, new Pos(lineNo, 0, line));
        }

        @Override
        public String modeKey() {
            return key;
        }
    }

    private record ProbeContext(String modeKey) implements Args.LineContext {
        @Override
        public void enter(ModeDef<?> mode, String key) {
        }

        @Override
        public void warn(int offset, String message) {
        }

        @Override
        public void ref(String refKey, int offset) {
        }

        @Override
        public void multiline(String d, String f, Function<String, UnaryOperator<GatewayConfig>> finish) {
        }
    }

    /** The result of trying a line in one mode of the stack. */
    private sealed interface Attempt {
        record Done(GatewayConfig next, LineCtx ctx, Token command, String line) implements Attempt {
        }

        record Failed(CommandFailure failure, boolean opensMode) implements Attempt {
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Attempt attempt(ModeDef<?> m, String key, List<Token> tokens, int start, boolean negated, String line) {
        ModeDef<T> mode = (ModeDef<T>) m;
        Token cmd = tokens.get(start);
        Handler<T> handler;
        int i = start;
        CommandNode<T> n = null;
        try {
            Optional<CommandNode<T>> first = mode.root.child(cmd);
            if (first.isPresent()) {
                n = first.get();
                i++;
                while (i < tokens.size() && !n.children.isEmpty()) {
                    Optional<CommandNode<T>> c = n.child(tokens.get(i));
                    if (c.isEmpty()) {
                        break;
                    }
                    n = c.get();
                    i++;
                }
                if (n.handler == null) {
                    if (i >= tokens.size() || tokens.get(i).text().equals("!")) {
                        return new Attempt.Failed(new CommandFailure(line.stripTrailing().length(), Args.INCOMPLETE),
                                false);
                    }
                    return new Attempt.Failed(new CommandFailure(tokens.get(i).start(), Args.INVALID), false);
                }
                handler = n.handler;
            } else if (mode.keptHandler != null && mode.keeps(tokens, start)) {
                handler = mode.keptHandler;
            } else {
                return new Attempt.Failed(new CommandFailure(cmd.start(), Args.INVALID), false);
            }
        } catch (CommandFailure f) {
            return new Attempt.Failed(f, false);
        }
        LineCtx ctx = new LineCtx(key, line);
        Args a = new Args(line, tokens, i, negated, ctx, null);
        try {
            T out = handler.apply(mode.open(config, key), a);
            return new Attempt.Done(mode.save(config, key, out), ctx, cmd, line);
        } catch (CommandFailure f) {
            return new Attempt.Failed(f, n != null && n.opensMode);
        }
    }

    private LineOutcome commit(int k, Attempt.Done done, int indent) {
        GatewayConfig next = done.next();
        LineCtx ctx = done.ctx();
        if (!strict) {
            Set<String> before = new LinkedHashSet<>();
            for (Validator.Issue is : Validator.check(config)) {
                if (is.error()) {
                    before.add(is.message());
                }
            }
            for (Validator.Issue is : Validator.check(next)) {
                if (is.error() && !before.contains(is.message())) {
                    Integer off = ctx.lineRefs.get(is.refKey());
                    return reject(done.line(), off == null ? done.command().start() : off, is.message());
                }
            }
        }
        config = next;
        while (frames.size() > k + 1) {
            frames.removeLast();
        }
        if (ctx.enteredMode != null) {
            frames.add(new Frame(ctx.enteredMode, ctx.enteredKey, indent, layout));
        }
        warnings.addAll(ctx.lineWarnings);
        ctx.lineRefs.forEach((r, off) -> refs.computeIfAbsent(r, x -> new ArrayList<>())
                .add(new Pos(lineNo, off, done.line())));
        if (ctx.multiline != null) {
            pending = ctx.multiline;
        }
        return accepted();
    }

    private LineOutcome continueMultiline(String line) {
        int at = line.indexOf(pending.delimiter());
        if (at < 0) {
            pending.text().append('\n').append(line);
            return accepted();
        }
        pending.text().append('\n').append(line, 0, at + pending.delimiter().length());
        config = pending.finish().apply(pending.text().toString()).apply(config);
        pending = null;
        return accepted();
    }

    private LineOutcome accepted() {
        return new LineOutcome.Accepted(mode());
    }

    private LineOutcome reject(String line, int offset, String message) {
        ConfigError e = new ConfigError(source, lineNo, offset + 1, message, line);
        if (strict && errors.size() < MAX_ERRORS) {
            errors.add(e);
        } else if (strict) {
            droppedErrors++;
        }
        return new LineOutcome.Rejected(e);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static List<ConfigError> dedupe(List<ConfigError> in) {
        return List.copyOf(new LinkedHashSet<>(in));
    }
}
