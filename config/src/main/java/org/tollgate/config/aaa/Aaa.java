package org.tollgate.config.aaa;

import java.util.List;
import java.util.Optional;

/**
 * The {@code aaa ...} commands.
 *
 * @param newModel {@code aaa new-model} (without it, method lists are ignored and login uses line passwords)
 * @param authentication {@code aaa authentication login NAME methods...} lists (service {@code login})
 * @param authorization {@code aaa authorization exec|network NAME methods...}
 * @param accounting {@code aaa accounting ...}
 * @param sessionIdCommon {@code aaa session-id common} (default true) versus {@code unique}
 * @param serverGroups {@code aaa group server radius NAME} blocks
 */
public record Aaa(boolean newModel, List<MethodList> authentication, List<MethodList> authorization,
                  List<AccountingList> accounting, boolean sessionIdCommon, List<RadiusGroup> serverGroups) {
    public static final Aaa DEFAULT = new Aaa(false, List.of(), List.of(), List.of(), true, List.of());

    public Aaa {
        authentication = List.copyOf(authentication);
        authorization = List.copyOf(authorization);
        accounting = List.copyOf(accounting);
        serverGroups = List.copyOf(serverGroups);
    }

    /** {@code aaa authentication login NAME}. */
    public Optional<MethodList> loginList(String name) {
        return authentication.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** {@code aaa authorization SERVICE NAME}. */
    public Optional<MethodList> authorizationList(String service, String name) {
        return authorization.stream().filter(l -> l.service().equals(service) && l.name().equals(name)).findFirst();
    }

    /** {@code aaa accounting SERVICE NAME}. */
    public Optional<AccountingList> accountingList(String service, String name) {
        return accounting.stream().filter(l -> l.service().equals(service) && l.name().equals(name)).findFirst();
    }

    /** {@code aaa group server radius NAME}. */
    public Optional<RadiusGroup> serverGroup(String name) {
        return serverGroups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Aaa withNewModel(boolean v) {
        return new Aaa(v, authentication, authorization, accounting, sessionIdCommon, serverGroups);
    }

    public Aaa withAuthentication(List<MethodList> v) {
        return new Aaa(newModel, v, authorization, accounting, sessionIdCommon, serverGroups);
    }

    public Aaa withAuthorization(List<MethodList> v) {
        return new Aaa(newModel, authentication, v, accounting, sessionIdCommon, serverGroups);
    }

    public Aaa withAccounting(List<AccountingList> v) {
        return new Aaa(newModel, authentication, authorization, v, sessionIdCommon, serverGroups);
    }

    public Aaa withSessionIdCommon(boolean v) {
        return new Aaa(newModel, authentication, authorization, accounting, v, serverGroups);
    }

    public Aaa withServerGroups(List<RadiusGroup> v) {
        return new Aaa(newModel, authentication, authorization, accounting, sessionIdCommon, v);
    }
}
