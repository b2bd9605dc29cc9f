package org.tollgate.lines.vpn;

import java.util.ArrayList;
import java.util.List;

/**
 * One forwarded route of a profile: connections to {@code 127.0.0.1:localPort} on this host go through
 * the tunnel to {@code host:port} as seen from the head end. Profile key {@code ForwardRoutes} (tollgate
 * extension): a comma-separated list of {@code localPort:host:port}.
 */
record Route(int localPort, String host, int port) {

    @Override
    public String toString() {
        return localPort + ":" + host + ":" + port;
    }

    /** Parses the list; {@code null} when any entry is malformed. */
    static List<Route> parseList(String s) {
        List<Route> routes = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return routes;
        }
        for (String item : s.split(",")) {
            String[] f = item.strip().split(":");
            if (f.length != 3 || f[1].isBlank()) {
                return null;
            }
            try {
                int lp = Integer.parseInt(f[0]);
                int p = Integer.parseInt(f[2]);
                if (lp < 1 || lp > 65535 || p < 1 || p > 65535) {
                    return null;
                }
                routes.add(new Route(lp, f[1], p));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return routes;
    }

    static String joinList(List<Route> routes) {
        return String.join(",", routes.stream().map(Route::toString).toList());
    }
}
