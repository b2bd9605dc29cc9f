package org.tollgate.callcontrol.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallData;
import org.tollgate.callcontrol.call.CallMachine;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.call.CallState;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.call.LegId;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.DetachedLeg;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;

/**
 * Moving a leg out of a call while the call's queue is busy: the leg's events reported between
 * the request and its turn in the queue belong to the leg's next owner, and an inspection that
 * declines the detach hands them back in order. The queue is held busy by running the steps from
 * inside one of its own tasks (an {@code inMailbox} task), so the interleaving is exact.
 */
class CallDetachTest {
    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private Call call;
    private LegEvents calleeEvents;
    private final LegId callee = new LegId(new CallRef(1), 2);

    private static final class Leg implements LegSignaling {
        @Override
        public void handle(LegCommand command) {
        }

        @Override
        public String describe() {
            return "fake";
        }
    }

    @BeforeEach
    void ringing() {
        CallSettings settings = CallSettings.of(new DialPlan(List.of(DialPeer.voip(1, "2000", "ipv4:127.0.0.1"))),
                LpcorTable.disabled());
        LegFactory factory = (req, events) -> {
            calleeEvents = events;
            return new LegFactory.Created(new Leg());
        };
        call = new Call(new CallMachine(settings), clock, factory, CallControl.NO_AUTHORIZATION, e -> { }, c -> { });
        CallRef ref = new CallRef(1);
        call.start(CallData.start(ref, new Caller("fake", "1000", "", Optional.empty()), clock.now()), new Leg(),
                Optional.of("2000"));
        calleeEvents.alerting();
        assertInstanceOf(CallState.Alerting.class, call.state());
    }

    private LegEvents recorder() {
        return new LegEvents() {
            @Override
            public void digits(String digits) {
                recorded.add("digits " + digits);
            }

            @Override
            public void alerting() {
                recorded.add("alerting");
            }

            @Override
            public void answered() {
                recorded.add("answered");
            }

            @Override
            public void released(Q850Cause cause) {
                recorded.add("released");
            }

            @Override
            public void flash() {
                recorded.add("flash");
            }
        };
    }

    @Test
    @DisplayName("An answer reported while the detach waits in the busy queue reaches the leg's new owner, not the call it left")
    void eventAfterRequestGoesToNextOwner() {
        List<CompletableFuture<Optional<DetachedLeg>>> detached = new CopyOnWriteArrayList<>();
        call.inMailbox(s -> {
            detached.add(call.detach(callee));
            calleeEvents.answered();
            return null;
        }).join();
        DetachedLeg leg = detached.getFirst().join().orElseThrow();
        assertInstanceOf(CallState.Alerting.class, call.state(), "the call it left never saw the answer");
        leg.retarget(recorder());
        assertEquals(List.of("answered"), recorded);
    }

    @Test
    @DisplayName("An answer reported before the detach request is handled by the call, and the inspection sees it")
    void eventBeforeRequestIsSeenByInspection() {
        List<CompletableFuture<Optional<Call.Taken<String>>>> taken = new CopyOnWriteArrayList<>();
        call.inMailbox(s -> {
            calleeEvents.answered();
            taken.add(call.detachIf(callee, st -> Optional.of(st.getClass().getSimpleName())));
            return null;
        }).join();
        Call.Taken<String> t = taken.getFirst().join().orElseThrow();
        assertEquals("Connected", t.seen());
        t.leg().retarget(recorder());
        assertTrue(recorded.isEmpty(), "nothing left over for the new owner");
    }

    @Test
    @DisplayName("A declined detach hands the events held meanwhile back to the call, in order")
    void declinedDetachHandsEventsBack() {
        List<CompletableFuture<Optional<Call.Taken<String>>>> taken = new CopyOnWriteArrayList<>();
        call.inMailbox(s -> {
            taken.add(call.detachIf(callee, st -> Optional.empty()));
            calleeEvents.answered();
            return null;
        }).join();
        assertTrue(taken.getFirst().join().isEmpty());
        assertInstanceOf(CallState.Connected.class, call.state(), "the call got the answer after all");
    }
}
