package org.tollgate.config.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.tollgate.config.GatewayConfig;

/**
 * A configuration mode: its prompt suffix, its command tree, and how to read and write the record it
 * edits inside a {@link GatewayConfig} (keyed, e.g. by dial-peer tag).
 *
 * @param <T> the record or builder the mode's commands edit
 */
final class ModeDef<T> {
    /** Writes an edited target back. */
    interface Saver<T> {
        GatewayConfig save(GatewayConfig config, String key, T target);
    }

    final String prompt;
    final CommandNode<T> root = new CommandNode<>("");
    private final BiFunction<GatewayConfig, String, T> open;
    private final Saver<T> saver;
    /**
     * For kept-verbatim modes: the lines accepted, as a first word ({@code shutdown}: any line starting
     * with it) or a first and second word ({@code ip address}: only that sub-command of {@code ip}, so
     * that a global {@code ip route} after the block still leaves the mode, as in IOS). Written in full.
     */
    Set<String> keptWords = Set.of();
    /** For kept-verbatim modes: stores a kept line. */
    Handler<T> keptHandler;

    ModeDef(String prompt, BiFunction<GatewayConfig, String, T> open, Saver<T> saver) {
        this.prompt = prompt;
        this.open = open;
        this.saver = saver;
    }

    /** True when the words from {@code start} form a kept line of this mode. */
    boolean keeps(List<Token> tokens, int start) {
        Token first = tokens.get(start);
        if (first.quoted()) {
            return false;
        }
        // kept lines come from pasted configurations and are matched in full: an abbreviation such as
        // "voice" must not pass as "voicemail" and swallow a global command
        String w = first.text().toLowerCase(Locale.ROOT);
        if (keptWords.contains(w)) {
            return true;
        }
        return start + 1 < tokens.size()
                && keptWords.contains(w + " " + tokens.get(start + 1).text().toLowerCase(Locale.ROOT));
    }

    T open(GatewayConfig config, String key) {
        return open.apply(config, key);
    }

    GatewayConfig save(GatewayConfig config, String key, T target) {
        return saver.save(config, key, target);
    }

    /** Registers {@code path} (space-separated keywords); {@code help} describes the last keyword. */
    ModeDef<T> cmd(String path, String help, Handler<T> handler) {
        node(path, help).handler = handler;
        return this;
    }

    /** Registers a command that enters a sub-mode. */
    ModeDef<T> modeCmd(String path, String help, Handler<T> handler) {
        CommandNode<T> n = node(path, help);
        n.handler = handler;
        n.opensMode = true;
        return this;
    }

    private CommandNode<T> node(String path, String help) {
        CommandNode<T> n = root;
        String[] words = path.split(" ");
        for (String w : words) {
            n = n.children.computeIfAbsent(w, CommandNode::new);
            if (n.help.isEmpty()) {
                n.help = Help.of(w);
            }
        }
        if (!help.isEmpty()) {
            n.help = help;
        }
        return n;
    }
}
