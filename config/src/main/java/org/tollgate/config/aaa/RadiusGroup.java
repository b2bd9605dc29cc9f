package org.tollgate.config.aaa;

import java.util.List;

/**
 * {@code aaa group server radius NAME} with its {@code server} lines.
 *
 * @param name group name
 * @param servers members in order
 */
public record RadiusGroup(String name, List<GroupServer> servers) {
    public RadiusGroup {
        servers = List.copyOf(servers);
    }

    public RadiusGroup withServers(List<GroupServer> s) {
        return new RadiusGroup(name, s);
    }
}
