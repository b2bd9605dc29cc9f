package org.tollgate.config.app;

import java.util.List;

/**
 * The {@code application} block.
 *
 * @param authPackage {@code package auth} parameters (defaults when not configured)
 * @param services {@code service NAME URL} lines (kept, no effect)
 */
public record Application(AuthPackage authPackage, List<AppService> services) {
    public static final Application DEFAULT = new Application(AuthPackage.DEFAULT, List.of());

    public Application {
        services = List.copyOf(services);
    }

    public Application withAuthPackage(AuthPackage v) {
        return new Application(v, services);
    }

    public Application withServices(List<AppService> v) {
        return new Application(authPackage, v);
    }
}
