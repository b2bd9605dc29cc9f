package org.tollgate.config.cli;

import java.util.List;

/**
 * One registered EXEC command: its full syntax (keywords then elements, optional groups expanded),
 * the lowest privilege level that may run it, and its handler.
 *
 * @param syntax    the text the command was registered with, e.g. {@code show voice lpcor policy [NAME]}
 * @param privilege 0..15; 1 = user EXEC, 15 = privileged EXEC
 */
public record Command(String syntax, int privilege, CommandHandler handler) {
    public Command {
        if (privilege < 0 || privilege > 15) {
            throw new IllegalArgumentException("privilege 0..15: " + privilege);
        }
    }

    static String syntaxOf(List<String> words, List<List<Arg>> groups, List<Boolean> optional) {
        StringBuilder sb = new StringBuilder(String.join(" ", words));
        for (int i = 0; i < groups.size(); i++) {
            StringBuilder g = new StringBuilder();
            for (Arg a : groups.get(i)) {
                if (!g.isEmpty()) {
                    g.append(' ');
                }
                g.append(a.name());
            }
            sb.append(' ').append(optional.get(i) ? "[" + g + "]" : g);
        }
        return sb.toString();
    }
}
