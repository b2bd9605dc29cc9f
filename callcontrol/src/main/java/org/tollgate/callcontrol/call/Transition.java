package org.tollgate.callcontrol.call;

import java.util.List;
import java.util.Objects;

/** The result of one step of the call state machine: the next state and the actions to run, in order. */
public record Transition(CallState next, List<Action> actions) {
    public Transition {
        Objects.requireNonNull(next, "next");
        actions = List.copyOf(actions);
    }

    /** Stay in {@code state} and do nothing (an event that does not concern this state). */
    public static Transition stay(CallState state) {
        return new Transition(state, List.of());
    }
}
