package org.tollgate.callcontrol.feature.park;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.engine.DetachedLeg;
import org.tollgate.callcontrol.time.CallScheduler;

/**
 * The call-park slots: which parked leg sits in which slot. Thread-safe; a slot holds one call.
 * The recall timer is owned by the entry ({@link Parked#recall}).
 */
public final class ParkLot {
    /** A parked party: its leg, identity, who parked it, the call it came from and its recall timer. */
    public record Parked(String slot, DetachedLeg leg, Caller parked, String parkerNumber, CallRef from,
                         CallScheduler.Cancellable recall) {
    }

    private final Map<String, Parked> slots = new ConcurrentHashMap<>();

    /** The first of {@code candidates} not occupied, reserved for the caller of {@code make}; empty when all are taken. */
    public synchronized Optional<Parked> occupy(List<String> candidates, java.util.function.Function<String, Parked> make) {
        for (String s : candidates) {
            if (!slots.containsKey(s)) {
                Parked p = make.apply(s);
                slots.put(s, p);
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Takes the call out of {@code slot} (retrieve, recall, hang-up); empty when the slot is free. */
    public Optional<Parked> take(String slot) {
        Parked p = slots.remove(slot);
        if (p != null) {
            p.recall().cancel();
        }
        return Optional.ofNullable(p);
    }

    /** Takes {@code p} out only if it is still the occupant of its slot. */
    public boolean remove(Parked p) {
        boolean removed = slots.remove(p.slot(), p);
        if (removed) {
            p.recall().cancel();
        }
        return removed;
    }

    /** The occupied slots (for show output and tests). */
    public Map<String, Parked> occupied() {
        return Map.copyOf(slots);
    }
}
