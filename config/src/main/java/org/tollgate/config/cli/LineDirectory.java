package org.tollgate.config.cli;

import java.time.Duration;
import java.util.List;

/**
 * The terminal lines in use, for {@code show users}: console, vty sessions, and the tty/aux lines
 * of the modem services, each contributed by whoever runs the line.
 */
public interface LineDirectory {

    /**
     * One line with a session on it.
     *
     * @param number   absolute IOS line number (con 0 = 0, then tty lines, aux, then vty)
     * @param name     relative name as IOS shows it: {@code con 0}, {@code vty 0}, {@code aux 0}, {@code tty 65}
     * @param user     logged-in user, empty when none
     * @param hosts    IOS "Host(s)" column: {@code idle} for an EXEC session
     * @param idle     time since the last input
     * @param location peer address, empty on the console
     */
    record LineStatus(int number, String name, String user, String hosts, Duration idle, String location) {
    }

    /** Active lines sorted by number. */
    List<LineStatus> lines();
}
