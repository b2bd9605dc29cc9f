package org.tollgate.callcontrol.lpcor;

import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.tollgate.callcontrol.cause.Q850Cause;

/**
 * The policy matrix against an independent reference evaluation: the spec's rules written out as a
 * table of raw configuration lines (what an operator typed), evaluated without the model classes.
 */
class LpcorPropertyTest {
    /** One generated configuration: groups 0..n-1, per policy the raw lines, and a query. */
    record Scenario(boolean enabled, int groups, Map<Integer, List<int[]>> lines, Set<Integer> serviceFac,
                    Optional<Integer> source, Optional<Integer> dest) {
    }

    static String name(int g) {
        return "G" + g;
    }

    static Gen<Scenario> scenarios() {
        Gen<Integer> seeds = SourceDSL.integers().all();
        return seeds.zip(SourceDSL.integers().between(1, 6), SourceDSL.booleans().all(), (seed, n, enabled) -> {
            java.util.Random r = new java.util.Random(seed);
            Map<Integer, List<int[]>> lines = new HashMap<>();
            Set<Integer> fac = new HashSet<>();
            for (int g = 0; g < n; g++) {
                if (r.nextInt(4) == 0) {
                    continue; // no policy for this group
                }
                List<int[]> ls = new ArrayList<>();
                int count = r.nextInt(6);
                for (int i = 0; i < count; i++) {
                    ls.add(new int[] {r.nextInt(n), r.nextInt(3)}); // source, 0 accept 1 accept fac 2 no accept
                }
                lines.put(g, ls);
                if (r.nextBoolean()) {
                    fac.add(g);
                }
            }
            Optional<Integer> src = r.nextInt(6) == 0 ? Optional.empty() : Optional.of(r.nextInt(n));
            Optional<Integer> dst = r.nextInt(6) == 0 ? Optional.empty() : Optional.of(r.nextInt(n));
            return new Scenario(enabled, n, lines, fac, src, dst);
        });
    }

    /** Reference: the last line about the source wins; default same-group accept. */
    static String reference(Scenario s) {
        if (!s.enabled() || s.source().isEmpty() || s.dest().isEmpty()) {
            return "accept";
        }
        List<int[]> ls = s.lines().get(s.dest().get());
        if (ls == null) {
            return "accept";
        }
        String verdict = s.source().get().equals(s.dest().get()) ? "accept" : "reject";
        for (int[] l : ls) {
            if (l[0] == s.source().get()) {
                verdict = switch (l[1]) {
                    case 0 -> "accept";
                    case 1 -> s.serviceFac().contains(s.dest().get()) ? "fac" : "accept";
                    default -> "reject";
                };
            }
        }
        return verdict;
    }

    static LpcorTable model(Scenario s) {
        List<LpcorGroup> groups = new ArrayList<>();
        for (int g = 0; g < s.groups(); g++) {
            groups.add(new LpcorGroup(g + 1, name(g)));
        }
        Map<String, LpcorPolicy> policies = new LinkedHashMap<>();
        s.lines().forEach((g, ls) -> {
            LpcorPolicy p = LpcorPolicy.of(name(g)).withServiceFac(s.serviceFac().contains(g));
            for (int[] l : ls) {
                p = p.with(name(l[0]), switch (l[1]) {
                    case 0 -> LpcorAccess.ACCEPT;
                    case 1 -> LpcorAccess.ACCEPT_FAC;
                    default -> LpcorAccess.REJECT;
                });
            }
            policies.put(name(g), p);
        });
        return new LpcorTable(s.enabled(), groups, policies, Q850Cause.SERVICE_NOT_AVAILABLE);
    }

    @Test
    @DisplayName("LPCOR decisions equal an independent reference evaluation over generated configurations")
    void matrixMatchesReference() {
        qt().withExamples(2000).forAll(scenarios()).checkAssert(s -> {
            LpcorDecision d = model(s).decide(s.source().map(LpcorPropertyTest::name), s.dest().map(LpcorPropertyTest::name));
            String got = switch (d) {
                case LpcorDecision.Accept a -> "accept";
                case LpcorDecision.RequireFac f -> "fac";
                case LpcorDecision.Reject r -> "reject";
            };
            org.junit.jupiter.api.Assertions.assertEquals(reference(s), got, s.toString());
        });
    }
}
