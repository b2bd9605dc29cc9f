package org.tollgate.config.aaa;

import java.util.List;

/**
 * {@code aaa accounting connection|exec|network NAME start-stop|stop-only group G...}.
 *
 * @param service {@code connection}, {@code exec} or {@code network}
 * @param name list name ({@code h323} is the one voice calls use)
 * @param startStop true for {@code start-stop}, false for {@code stop-only}
 * @param groups server groups in order ({@code radius} = every RADIUS server)
 */
public record AccountingList(String service, String name, boolean startStop, List<String> groups) {
    public AccountingList {
        groups = List.copyOf(groups);
    }
}
