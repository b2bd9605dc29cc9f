package org.tollgate.gateway.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory location service: the contacts bound to each address-of-record. Expiry is judged
 * against the injected clock on every read, so a lapsed binding is never returned even before
 * {@link #purgeExpired()} removes it.
 *
 * <p>Thread-safe: each AOR's bindings are replaced atomically.
 */
public final class BindingRegistry {
    private final Clock clock;
    private final ConcurrentHashMap<String, Map<String, Binding>> byAor = new ConcurrentHashMap<>();

    /** A registry reading time from {@code clock}. */
    public BindingRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The live bindings of {@code aor}, oldest first. */
    public List<Binding> lookup(String aor) {
        Instant now = clock.instant();
        Map<String, Binding> bindings = byAor.get(aor);
        if (bindings == null) {
            return List.of();
        }
        synchronized (bindings) {
            return bindings.values().stream().filter(b -> b.expiresAt().isAfter(now)).toList();
        }
    }

    /** Numbers with at least one live binding. */
    public List<String> registeredAors() {
        return byAor.keySet().stream().filter(aor -> !lookup(aor).isEmpty()).sorted().toList();
    }

    /** Removes lapsed bindings; returns how many were removed. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int removed = 0;
        for (Map<String, Binding> bindings : byAor.values()) {
            synchronized (bindings) {
                int before = bindings.size();
                bindings.values().removeIf(b -> !b.expiresAt().isAfter(now));
                removed += before - bindings.size();
            }
        }
        return removed;
    }

    /**
     * Applies one REGISTER's contact changes atomically (RFC 3261 section 10.3 steps 6-8).
     *
     * @param aor the address-of-record
     * @param update the changes
     * @return the bindings after the update, or the rejection
     */
    UpdateResult apply(String aor, RegistrationUpdate update) {
        Instant now = clock.instant();
        Map<String, Binding> bindings = byAor.computeIfAbsent(aor, k -> new LinkedHashMap<>());
        synchronized (bindings) {
            bindings.values().removeIf(b -> !b.expiresAt().isAfter(now));
            if (update.removeAll()) {
                // step 6: "*" with Expires: 0 removes every binding unless a newer CSeq of the same Call-ID exists
                for (Binding b : bindings.values()) {
                    if (b.callId().equals(update.callId()) && b.cseq() >= update.cseq()) {
                        return new UpdateResult.OutOfOrder();
                    }
                }
                bindings.clear();
                return new UpdateResult.Applied(List.of());
            }
            Map<String, Binding> next = new LinkedHashMap<>(bindings);
            for (RegistrationUpdate.ContactChange change : update.changes()) {
                Binding existing = next.get(change.contactUri());
                if (existing != null && existing.callId().equals(update.callId()) && existing.cseq() >= update.cseq()) {
                    return new UpdateResult.OutOfOrder();
                }
                if (change.expiresSeconds() == 0) {
                    next.remove(change.contactUri());
                } else {
                    next.put(change.contactUri(), new Binding(aor, change.contact(), change.contactUri(), update.callId(),
                            update.cseq(), now.plusSeconds(change.expiresSeconds())));
                }
            }
            bindings.clear();
            bindings.putAll(next);
            return new UpdateResult.Applied(new ArrayList<>(bindings.values()));
        }
    }

    /** Outcome of {@link #apply}. */
    sealed interface UpdateResult {
        /** The update took effect; these are the bindings now. */
        record Applied(List<Binding> bindings) implements UpdateResult {
        }

        /** A binding of the same Call-ID has an equal or higher CSeq: the request is stale. */
        record OutOfOrder() implements UpdateResult {
        }
    }

    /**
     * The contact changes of one REGISTER.
     *
     * @param callId the request's Call-ID
     * @param cseq the request's CSeq number
     * @param removeAll {@code Contact: *} with {@code Expires: 0}
     * @param changes per-contact changes, each with its effective expiry (0 removes)
     */
    record RegistrationUpdate(String callId, long cseq, boolean removeAll, List<ContactChange> changes) {
        record ContactChange(String contact, String contactUri, long expiresSeconds) {
        }
    }
}
