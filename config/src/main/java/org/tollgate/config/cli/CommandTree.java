package org.tollgate.config.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The immutable EXEC command tree: matching with IOS unique-prefix abbreviations, {@code ?} help
 * and tab completion, each filtered by the session's privilege level.
 *
 * <p>Matching rules, per word: an exact keyword wins; otherwise a unique keyword prefix; when
 * several keywords share the prefix, a typed argument (number, address, voice-port) that accepts the
 * word wins, else the line is ambiguous; when no keyword matches, the most specific typed argument
 * that accepts the word (number, IPv4, voice-port before WORD and LINE). A LINE argument takes the
 * rest of the line verbatim. Words are separated by spaces or tabs; there is no quoting.
 */
public final class CommandTree {
    private final Node root;

    private CommandTree(Node root) {
        this.root = root;
    }

    static CommandTree of(List<CommandRegistry.CommandSpec> specs, Map<String, String> keywordHelp) {
        Node root = new Node(null);
        for (CommandRegistry.CommandSpec spec : specs) {
            Command command = new Command(Command.syntaxOf(spec.words(), spec.groups(), spec.optional()),
                    spec.privilege(), spec.handler());
            List<Arg> prefix = new ArrayList<>();
            for (int i = 0; i < spec.words().size(); i++) {
                String w = spec.words().get(i);
                String help = keywordHelp.getOrDefault(String.join(" ", spec.words().subList(0, i + 1)), "");
                prefix.add(new Arg.Keyword(w, help));
            }
            for (List<Arg> variant : expand(prefix, spec.groups(), spec.optional())) {
                root.insert(variant, 0, command);
            }
        }
        root.computePrivilege();
        return new CommandTree(root);
    }

    private static List<List<Arg>> expand(List<Arg> prefix, List<List<Arg>> groups, List<Boolean> optional) {
        List<List<Arg>> variants = new ArrayList<>();
        variants.add(new ArrayList<>(prefix));
        for (int i = 0; i < groups.size(); i++) {
            List<List<Arg>> next = new ArrayList<>();
            for (List<Arg> v : variants) {
                if (optional.get(i)) {
                    next.add(new ArrayList<>(v));
                }
                List<Arg> with = new ArrayList<>(v);
                with.addAll(groups.get(i));
                next.add(with);
            }
            variants = next;
        }
        return variants;
    }

    /** Matches a whole line at the given privilege level. */
    public LineMatch match(String line, int privilege) {
        List<Token> tokens = Token.split(line);
        if (tokens.isEmpty()) {
            return new LineMatch.Empty();
        }
        Map<String, String> values = new HashMap<>();
        Node node = root;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Step step = node.step(t.text(), privilege);
            switch (step) {
                case Step.None none -> {
                    return new LineMatch.Invalid(t.start());
                }
                case Step.Many many -> {
                    return new LineMatch.Ambiguous(line.strip());
                }
                case Step.One one -> {
                    node = one.node();
                    Arg el = node.element;
                    if (el instanceof Arg.Line) {
                        values.put(el.name(), line.substring(t.start()).strip());
                        i = tokens.size();
                    } else if (el instanceof Arg.Keyword k) {
                        values.put(k.name(), k.name());
                    } else {
                        values.put(el.name(), t.text());
                    }
                }
            }
        }
        if (node.command == null || node.command.privilege() > privilege) {
            return new LineMatch.Incomplete();
        }
        return new LineMatch.Matched(node.command, new ParsedArgs(values));
    }

    /**
     * The {@code ?} help for the text typed before the question mark, as IOS prints it (without the
     * echoed line). Ends with a newline.
     */
    public String help(String before, int privilege) {
        List<Token> tokens = Token.split(before);
        boolean atWordStart = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1));
        int complete = atWordStart ? tokens.size() : tokens.size() - 1;
        Node node = root;
        for (int i = 0; i < complete; i++) {
            Step step = node.step(tokens.get(i).text(), privilege);
            switch (step) {
                case Step.None none -> {
                    return "% Unrecognized command\n";
                }
                case Step.Many many -> {
                    return "% Ambiguous command:  \"" + before.strip() + "\"\n";
                }
                case Step.One one -> node = one.node();
            }
            if (node.element instanceof Arg.Line) {
                return node.command != null && node.command.privilege() <= privilege ? "  <cr>\n" : "\n";
            }
        }
        if (atWordStart) {
            List<String[]> rows = new ArrayList<>();
            for (Node c : node.visibleChildren(privilege)) {
                rows.add(new String[] {c.element.label(), c.element.help()});
            }
            if (node.command != null && node.command.privilege() <= privilege) {
                rows.add(new String[] {"<cr>", ""});
            }
            if (rows.isEmpty()) {
                return "% Unrecognized command\n";
            }
            int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
            width = Math.max(width, 13);
            StringBuilder sb = new StringBuilder();
            for (String[] r : rows) {
                String left = "  " + r[0];
                sb.append(r[1].isEmpty() ? left : String.format("  %-" + width + "s  %s", r[0], r[1]).stripTrailing());
                sb.append('\n');
            }
            return sb.toString();
        }
        String partial = tokens.getLast().text();
        List<String> words = new ArrayList<>();
        for (Node c : node.visibleChildren(privilege)) {
            if (c.element instanceof Arg.Keyword k) {
                if (k.name().toLowerCase().startsWith(partial.toLowerCase())) {
                    words.add(k.name());
                }
            } else if (Arg.valueAccepts(c.element, partial) || c.element instanceof Arg.Number) {
                words.add(c.element.label());
            }
        }
        if (words.isEmpty()) {
            return "% Unrecognized command\n";
        }
        return String.join("  ", words) + "\n";
    }

    /**
     * Tab completion: the line with its last, partial word completed to the unique keyword it
     * abbreviates (plus a space), or empty when there is none or several.
     */
    public Optional<String> complete(String line, int privilege) {
        List<String> c = candidates(line, privilege);
        if (c.size() != 1) {
            return Optional.empty();
        }
        List<Token> tokens = Token.split(line);
        int start = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1))
                ? line.length() : tokens.getLast().start();
        return Optional.of(line.substring(0, start) + c.getFirst() + " ");
    }

    /** The keywords the last (possibly empty) word of {@code line} may be completed to. */
    public List<String> candidates(String line, int privilege) {
        List<Token> tokens = Token.split(line);
        boolean atWordStart = line.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1));
        int complete = atWordStart ? tokens.size() : tokens.size() - 1;
        String partial = atWordStart ? "" : tokens.getLast().text();
        Node node = root;
        for (int i = 0; i < complete; i++) {
            if (!(node.step(tokens.get(i).text(), privilege) instanceof Step.One one)) {
                return List.of();
            }
            node = one.node();
            if (node.element instanceof Arg.Line) {
                return List.of();
            }
        }
        List<String> out = new ArrayList<>();
        for (Node c : node.visibleChildren(privilege)) {
            if (c.element instanceof Arg.Keyword k) {
                if (k.name().equalsIgnoreCase(partial)) {
                    return List.of(k.name());
                }
                if (k.name().toLowerCase().startsWith(partial.toLowerCase())) {
                    out.add(k.name());
                }
            }
        }
        return out;
    }

    /** Every command's syntax (for documentation and tests), sorted. */
    public List<String> syntaxes() {
        List<String> out = new ArrayList<>();
        root.collect(out);
        return out.stream().distinct().sorted().toList();
    }

    record Token(String text, int start) {
        static List<Token> split(String line) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                int s = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                if (i > s) {
                    out.add(new Token(line.substring(s, i), s));
                }
            }
            return out;
        }
    }

    sealed interface Step {
        record None() implements Step {
        }

        record One(Node node) implements Step {
        }

        record Many() implements Step {
        }
    }

    static final class Node {
        final Arg element;
        final Map<String, Node> children = new LinkedHashMap<>();
        Command command;
        int minPrivilege = 16;

        Node(Arg element) {
            this.element = element;
        }

        void insert(List<Arg> path, int index, Command cmd) {
            if (index == path.size()) {
                if (command != null && command != cmd) {
                    throw new IllegalStateException("command registered twice: " + cmd.syntax()
                            + " / " + command.syntax());
                }
                command = cmd;
                return;
            }
            Arg a = path.get(index);
            String key = key(a);
            Node child = children.get(key);
            if (child == null) {
                child = new Node(a);
                children.put(key, child);
            }
            child.insert(path, index + 1, cmd);
        }

        private static String key(Arg a) {
            return switch (a) {
                case Arg.Keyword k -> "k:" + k.name().toLowerCase();
                case Arg.Word w -> "w:" + w.name();
                case Arg.Line l -> "l:" + l.name();
                case Arg.Number n -> "n:" + n.name() + ":" + n.min() + "-" + n.max();
                case Arg.Ipv4 i -> "i:" + i.name();
                case Arg.VoicePort v -> "v:" + v.name();
            };
        }

        int computePrivilege() {
            int min = command == null ? 16 : command.privilege();
            for (Node c : children.values()) {
                min = Math.min(min, c.computePrivilege());
            }
            minPrivilege = min;
            return min;
        }

        List<Node> visibleChildren(int privilege) {
            return children.values().stream()
                    .filter(c -> c.minPrivilege <= privilege)
                    .sorted(Comparator.comparingInt((Node c) -> c.element instanceof Arg.Keyword ? 0 : 1)
                            .thenComparing(c -> c.element instanceof Arg.Keyword ? c.element.name() : ""))
                    .toList();
        }

        Step step(String word, int privilege) {
            List<Node> visible = visibleChildren(privilege);
            List<Node> prefixed = new ArrayList<>();
            for (Node c : visible) {
                if (c.element instanceof Arg.Keyword k) {
                    if (k.name().equalsIgnoreCase(word)) {
                        return new Step.One(c);
                    }
                    if (k.name().toLowerCase().startsWith(word.toLowerCase())) {
                        prefixed.add(c);
                    }
                }
            }
            Node typed = null;
            Node loose = null;
            for (Node c : visible) {
                switch (c.element) {
                    case Arg.Keyword k -> { }
                    case Arg.Number n -> typed = typed == null && n.accepts(word) ? c : typed;
                    case Arg.Ipv4 i -> typed = typed == null && Arg.Ipv4.accepts(word) ? c : typed;
                    case Arg.VoicePort v -> typed = typed == null && Arg.VoicePort.accepts(word) ? c : typed;
                    case Arg.Word w -> loose = loose == null ? c : loose;
                    case Arg.Line l -> loose = loose == null ? c : loose;
                }
            }
            if (prefixed.size() == 1) {
                return new Step.One(prefixed.getFirst());
            }
            if (typed != null) {
                return new Step.One(typed);
            }
            if (prefixed.size() > 1) {
                return new Step.Many();
            }
            return loose != null ? new Step.One(loose) : new Step.None();
        }

        void collect(List<String> out) {
            if (command != null) {
                out.add(command.syntax());
            }
            for (Node c : children.values()) {
                c.collect(out);
            }
        }
    }
}
