package org.tollgate.callcontrol.engine;

import java.util.Objects;

import org.tollgate.callcontrol.engine.internal.LegRouter;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegSignaling;

/**
 * A live leg taken out of its call by a feature (transfer, park, pickup, conference) and not yet
 * given to a new owner. Its events are held until {@link #retarget}; the leg itself is not released.
 */
public final class DetachedLeg {
    private final LegSignaling signaling;
    private final LegRouter router;

    public DetachedLeg(LegSignaling signaling, LegRouter router) {
        this.signaling = Objects.requireNonNull(signaling, "signaling");
        this.router = Objects.requireNonNull(router, "router");
    }

    public LegSignaling signaling() {
        return signaling;
    }

    /** Sends {@code command} to the leg (a park slot or conference talking to it directly). */
    public void handle(LegCommand command) {
        signaling.handle(command);
    }

    /** Gives the leg's events to {@code owner} (held ones first). */
    public void retarget(LegEvents owner) {
        router.retarget(owner);
    }

    /**
     * The events the leg must be bound to (held until {@link #retarget}): for a leg that belongs to
     * no call yet, made by {@code FeatureService.adopt}.
     */
    public LegEvents events() {
        return router;
    }

    LegRouter router() {
        return router;
    }

    @Override
    public String toString() {
        return signaling.describe();
    }
}
