package org.tollgate.callcontrol.show;

import java.util.Optional;

import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;

/**
 * {@code show voice lpcor policy [NAME]} and {@code show voice lpcor custom}.
 *
 * <p>Policy output is exactly the seed's shape (FAC/LPCOR spec section 1):
 * <pre>
 * voice lpcor policy PSTNTrunk (group 13):
 * service fac is enabled
 *   ( accept     ) Manager (group 10)
 *   ( accept fac ) LocalUser (group 11)
 *   ( reject     ) IPTrunk (group 14)
 * </pre>
 * one line per custom group in group-number order. The verdict column shows the <em>effective</em>
 * access: {@code ( accept fac )} for a FAC-gated source when the policy has {@code service fac};
 * without {@code service fac} a FAC-gated source shows {@code ( accept     )}, because that is what
 * happens to its calls. Several policies are separated by an empty line.
 */
public final class LpcorShow {
    private LpcorShow() {
    }

    /** {@code show voice lpcor policy [NAME]}; an unknown name gives {@code % LPCOR policy NAME is not configured}. */
    public static String policy(LpcorTable table, Optional<String> name) {
        if (name.isPresent()) {
            return table.policy(name.get()).map(p -> renderPolicy(table, p))
                    .orElse("% LPCOR policy " + name.get() + " is not configured\n");
        }
        StringBuilder sb = new StringBuilder();
        for (LpcorGroup g : table.groups()) {
            table.policy(g.name()).ifPresent(p -> {
                if (!sb.isEmpty()) {
                    sb.append('\n');
                }
                sb.append(renderPolicy(table, p));
            });
        }
        table.policies().values().stream().filter(p -> table.group(p.group()).isEmpty()).forEach(p -> {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(renderPolicy(table, p));
        });
        return sb.toString();
    }

    private static String renderPolicy(LpcorTable table, LpcorPolicy p) {
        StringBuilder sb = new StringBuilder();
        String number = table.group(p.group()).map(g -> " (group " + g.number() + ")").orElse("");
        sb.append("voice lpcor policy ").append(p.group()).append(number).append(":\n");
        sb.append("service fac is ").append(p.serviceFac() ? "enabled" : "disabled").append('\n');
        for (LpcorGroup g : table.groups()) {
            String verdict = switch (p.effectiveAccess(g.name())) {
                case ACCEPT -> "accept    ";
                case ACCEPT_FAC -> "accept fac";
                case REJECT -> "reject    ";
            };
            sb.append("  ( ").append(verdict).append(" ) ").append(g.name())
                    .append(" (group ").append(g.number()).append(")\n");
        }
        return sb.toString();
    }

    /**
     * {@code show voice lpcor custom}: the group list and whether LPCOR is enabled, e.g.
     * <pre>
     * voice lpcor is enabled, call-block cause 63 (0x3F)
     * voice lpcor custom (2 groups):
     *   group 11 LocalUser        policy: yes
     *   group 12 AnalogPhone      policy: yes
     * </pre>
     */
    public static String custom(LpcorTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("voice lpcor is ").append(table.enabled() ? "enabled" : "disabled")
                .append(", call-block cause ").append(table.callBlockCause().value())
                .append(" (0x").append(table.callBlockCause().hex()).append(")\n");
        sb.append("voice lpcor custom (").append(table.groups().size())
                .append(table.groups().size() == 1 ? " group" : " groups").append("):\n");
        for (LpcorGroup g : table.groups()) {
            sb.append(String.format("  group %-2d %-16s policy: %s%n", g.number(), g.name(),
                    table.policy(g.name()).isPresent() ? "yes" : "no (accepts all)"));
        }
        return sb.toString();
    }
}
