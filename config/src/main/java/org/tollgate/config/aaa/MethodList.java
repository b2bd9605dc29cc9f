package org.tollgate.config.aaa;

import java.util.List;

/**
 * A named AAA method list: {@code aaa authentication login NAME ...} (service {@code login}),
 * {@code aaa authorization exec|network NAME ...}. The list named {@code default} applies where no
 * list is named.
 *
 * @param service {@code login}, {@code exec} or {@code network}
 * @param name list name
 * @param methods methods in order (at least one)
 */
public record MethodList(String service, String name, List<AaaMethod> methods) {
    public MethodList {
        methods = List.copyOf(methods);
    }
}
