package org.tollgate.callcontrol.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.leg.LegEvents;

/**
 * The {@link LegEvents} a leg is given: forwards to whoever owns the leg now (a call, a park
 * slot, a conference). While a feature service moves the leg between owners it is {@link #hold()
 * held}: events are kept in order and delivered to the next owner on {@link #retarget}. Thread-safe.
 */
public final class LegRouter implements LegEvents {
    private LegEvents target;
    private List<Consumer<LegEvents>> held;

    public LegRouter(LegEvents target) {
        this.target = target;
    }

    /** Keep events until {@link #retarget}; true when this call started the holding (it was not held yet). */
    public synchronized boolean hold() {
        if (held == null) {
            held = new ArrayList<>();
            return true;
        }
        return false;
    }

    /** Stops holding without a new owner: the held events go, in order, to the current target. */
    public void resume() {
        LegEvents t;
        List<Consumer<LegEvents>> pending;
        synchronized (this) {
            t = target;
            pending = held == null ? List.of() : held;
            held = null;
        }
        pending.forEach(e -> e.accept(t));
    }

    /** From now on events go to {@code next}; held events are delivered to it first, in order. */
    public void retarget(LegEvents next) {
        List<Consumer<LegEvents>> pending;
        synchronized (this) {
            target = next;
            pending = held == null ? List.of() : held;
            held = null;
        }
        pending.forEach(e -> e.accept(next));
    }

    private void route(Consumer<LegEvents> e) {
        LegEvents t;
        synchronized (this) {
            if (held != null) {
                held.add(e);
                return;
            }
            t = target;
        }
        e.accept(t);
    }

    @Override
    public void digits(String digits) {
        route(t -> t.digits(digits));
    }

    @Override
    public void alerting() {
        route(LegEvents::alerting);
    }

    @Override
    public void answered() {
        route(LegEvents::answered);
    }

    @Override
    public void released(Q850Cause cause) {
        route(t -> t.released(cause));
    }

    @Override
    public void flash() {
        route(LegEvents::flash);
    }
}
