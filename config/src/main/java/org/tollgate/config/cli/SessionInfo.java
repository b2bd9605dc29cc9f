package org.tollgate.config.cli;

/**
 * Who runs a session and where.
 *
 * @param user       the logged-in user; empty when the line has no login
 * @param lineNumber absolute IOS line number (con 0 = 0)
 * @param lineName   {@code con 0}, {@code vty 2}, {@code aux 0} ...
 * @param location   the peer address, empty on the console
 */
public record SessionInfo(String user, int lineNumber, String lineName, String location) {
}
