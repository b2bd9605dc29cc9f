package org.tollgate.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A keyword in a mode's command tree. A node may have a handler (the command ends here and its
 * arguments follow), children (longer commands), or both.
 *
 * @param <T> the mode's target type
 */
final class CommandNode<T> {
    final String keyword;
    final Map<String, CommandNode<T>> children = new LinkedHashMap<>();
    String help = "";
    Handler<T> handler;
    boolean opensMode;

    CommandNode(String keyword) {
        this.keyword = keyword;
    }

    /** The child matching {@code t} by unique prefix; fails when ambiguous. */
    Optional<CommandNode<T>> child(Token t) {
        return Args.match(t, children.keySet().toArray(String[]::new)).map(children::get);
    }
}
