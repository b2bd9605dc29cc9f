package org.tollgate.config.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects EXEC commands and debug categories from every {@link CliContribution}, then
 * {@link #build()}s the immutable {@link CommandTree}.
 *
 * <p>Commands are written as their leading keywords plus one help text per keyword (the help of a
 * keyword shared by several commands, such as {@code show}, is taken from the first registration
 * that gives one), then typed elements: {@code arg(...)} mandatory, {@code optional(...)} an optional
 * group (all or none of its elements). A command is registered when its handler is set.
 * Registering the same syntax twice is a programming error ({@link IllegalStateException} at build).
 */
public final class CommandRegistry {
    private final List<CommandSpec> specs = new ArrayList<>();
    private final Map<String, String> keywordHelp = new LinkedHashMap<>();
    private final Map<String, List<String>> debugCategories = new LinkedHashMap<>();

    /** Starts a command: {@code words} are its leading keywords, {@code help} one text per keyword. */
    public CommandBuilder command(String words, String... help) {
        List<String> ws = Arrays.stream(words.trim().split("\\s+")).toList();
        if (ws.isEmpty() || ws.getFirst().isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one keyword");
        }
        if (help.length > ws.size()) {
            throw new IllegalArgumentException("more help texts than keywords in '" + words + "'");
        }
        for (int i = 0; i < help.length; i++) {
            if (!help[i].isEmpty()) {
                keywordHelp.putIfAbsent(String.join(" ", ws.subList(0, i + 1)), help[i]);
            }
        }
        return new CommandBuilder(ws);
    }

    /**
     * Declares a debug category ({@code "voice lpcor"}, {@code "modem"} ...) with one help text per
     * word; the built-ins turn each into {@code debug ...}, {@code undebug ...}, {@code no debug ...}.
     */
    public void debugCategory(String words, String... help) {
        String key = String.join(" ", words.trim().split("\\s+"));
        debugCategories.putIfAbsent(key, List.of(help));
    }

    /** The debug categories declared so far, with their per-word help, in declaration order. */
    public Map<String, List<String>> debugCategories() {
        return Map.copyOf(debugCategories);
    }

    List<String> debugCategoryOrder() {
        return List.copyOf(debugCategories.keySet());
    }

    /** Builds the tree from everything registered so far. */
    public CommandTree build() {
        return CommandTree.of(specs, keywordHelp);
    }

    record CommandSpec(List<String> words, List<List<Arg>> groups, List<Boolean> optional,
                       int privilege, CommandHandler handler) {
    }

    /** Fluent description of one command; {@link #handler} registers it. */
    public final class CommandBuilder {
        private final List<String> words;
        private final List<List<Arg>> groups = new ArrayList<>();
        private final List<Boolean> optional = new ArrayList<>();
        private int privilege = 1;
        private boolean done;

        private CommandBuilder(List<String> words) {
            this.words = words;
        }

        /** Mandatory elements, in order. */
        public CommandBuilder arg(Arg... elements) {
            return group(false, elements);
        }

        /** An optional group: either all of these elements follow, or none. */
        public CommandBuilder optional(Arg... elements) {
            return group(true, elements);
        }

        private CommandBuilder group(boolean opt, Arg... elements) {
            if (elements.length == 0) {
                throw new IllegalArgumentException("empty group");
            }
            if (!groups.isEmpty() && groups.getLast().getLast() instanceof Arg.Line) {
                throw new IllegalArgumentException("nothing may follow a LINE argument");
            }
            for (int i = 0; i < elements.length - 1; i++) {
                if (elements[i] instanceof Arg.Line) {
                    throw new IllegalArgumentException("nothing may follow a LINE argument");
                }
            }
            groups.add(List.of(elements));
            optional.add(opt);
            return this;
        }

        /** Privilege level needed (default 1, user EXEC; 15 = privileged EXEC only). */
        public CommandBuilder privilege(int level) {
            if (level < 0 || level > 15) {
                throw new IllegalArgumentException("privilege 0..15: " + level);
            }
            this.privilege = level;
            return this;
        }

        /** Sets the handler and registers the command. */
        public void handler(CommandHandler handler) {
            Objects.requireNonNull(handler);
            if (done) {
                throw new IllegalStateException("command already registered");
            }
            done = true;
            specs.add(new CommandSpec(words, List.copyOf(groups), List.copyOf(optional), privilege, handler));
        }
    }
}
