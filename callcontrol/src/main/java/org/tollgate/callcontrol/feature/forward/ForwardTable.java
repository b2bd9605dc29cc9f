package org.tollgate.callcontrol.feature.forward;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Call-forward settings per directory number: immutable. The configured ones
 * ({@code call-forward all|busy|noan N [timeout S]}) merged with those set from phones by feature
 * codes ({@link ForwardRegistry}); a call reads the snapshot current when it starts.
 */
public final class ForwardTable {
    /** CME's default no-answer timeout: 20 s. */
    public static final Duration DEFAULT_NO_ANSWER_TIMEOUT = Duration.ofSeconds(20);

    /** Where calls to a number go under one condition; {@code timeout} only for {@link ForwardKind#NO_ANSWER}. */
    public record Target(String number, Duration timeout) {
        public Target {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(timeout, "timeout");
        }

        public static Target of(String number) {
            return new Target(number, DEFAULT_NO_ANSWER_TIMEOUT);
        }
    }

    public static final ForwardTable EMPTY = new ForwardTable(Map.of());

    private final Map<String, Map<ForwardKind, Target>> byNumber;

    private ForwardTable(Map<String, Map<ForwardKind, Target>> byNumber) {
        Map<String, Map<ForwardKind, Target>> copy = new HashMap<>();
        byNumber.forEach((n, m) -> {
            if (!m.isEmpty()) {
                copy.put(n, Map.copyOf(m));
            }
        });
        this.byNumber = Map.copyOf(copy);
    }

    /** The forward of {@code number} under {@code kind}, if any. */
    public Optional<Target> lookup(String number, ForwardKind kind) {
        return Optional.ofNullable(byNumber.getOrDefault(number, Map.of()).get(kind));
    }

    /** This table with {@code number}'s {@code kind} forward set to {@code target}. */
    public ForwardTable with(String number, ForwardKind kind, Target target) {
        Map<String, Map<ForwardKind, Target>> m = mutable();
        m.computeIfAbsent(number, n -> new EnumMap<>(ForwardKind.class)).put(kind, target);
        return new ForwardTable(m);
    }

    /** This table without {@code number}'s {@code kind} forward. */
    public ForwardTable without(String number, ForwardKind kind) {
        Map<String, Map<ForwardKind, Target>> m = mutable();
        Map<ForwardKind, Target> n = m.get(number);
        if (n != null) {
            n.remove(kind);
        }
        return new ForwardTable(m);
    }

    /** {@code overrides} laid over this table, kind by kind. */
    public ForwardTable overlay(ForwardTable overrides) {
        Map<String, Map<ForwardKind, Target>> m = mutable();
        overrides.byNumber.forEach((n, kinds) ->
                m.computeIfAbsent(n, x -> new EnumMap<>(ForwardKind.class)).putAll(kinds));
        return new ForwardTable(m);
    }

    /** Every number with at least one forward, and its forwards. */
    public Map<String, Map<ForwardKind, Target>> entries() {
        return byNumber;
    }

    private Map<String, Map<ForwardKind, Target>> mutable() {
        Map<String, Map<ForwardKind, Target>> m = new HashMap<>();
        byNumber.forEach((n, kinds) -> {
            EnumMap<ForwardKind, Target> e = new EnumMap<>(ForwardKind.class);
            e.putAll(kinds);
            m.put(n, e);
        });
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardTable t && t.byNumber.equals(byNumber);
    }

    @Override
    public int hashCode() {
        return byNumber.hashCode();
    }

    @Override
    public String toString() {
        return "ForwardTable" + byNumber;
    }
}
