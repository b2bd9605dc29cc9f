package org.tollgate.callcontrol.call;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;

/** Drives the pure machine step by step and keeps the last actions for assertions. */
final class MachineFixture {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final CallRef REF = new CallRef(7);
    static final LegId A = LegId.incoming(REF);
    static final LegId B1 = new LegId(REF, 2);
    static final LegId B2 = new LegId(REF, 3);
    static final LegId B3 = new LegId(REF, 4);

    /** Groups Users(1) Trunk(2) Lobby(3); Trunk: service fac, accept Users fac; Lobby calls are rejected. */
    static LpcorTable lpcor() {
        LpcorPolicy trunk = LpcorPolicy.of("Trunk").withServiceFac(true).with("Users", LpcorAccess.ACCEPT_FAC);
        LpcorPolicy users = LpcorPolicy.of("Users").with("Trunk", LpcorAccess.ACCEPT);
        return new LpcorTable(true, List.of(new LpcorGroup(1, "Users"), new LpcorGroup(2, "Trunk"),
                new LpcorGroup(3, "Lobby")), Map.of("Trunk", trunk, "Users", users), LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
    }

    final CallMachine machine;
    CallState state;
    List<Action> actions = List.of();
    Instant now = T0;

    MachineFixture(List<DialPeer> peers, Optional<String> callerGroup) {
        this(CallSettings.of(new DialPlan(peers), lpcor()).withPortOutgoingGroups(Map.of("0/1/9", "Trunk")),
                callerGroup);
    }

    MachineFixture(CallSettings settings, Optional<String> callerGroup) {
        machine = new CallMachine(settings);
        Transition t = machine.start(CallData.start(REF, new Caller("0/1/0", "1235", "Phone1", callerGroup), T0),
                Optional.empty(), T0);
        state = t.next();
        actions = t.actions();
    }

    MachineFixture on(CallEvent e) {
        now = now.plus(Duration.ofMillis(100));
        Transition t = machine.handle(state, e, now);
        state = t.next();
        actions = t.actions();
        return this;
    }

    MachineFixture dial(String digits) {
        return on(new CallEvent.Digits(A, digits));
    }

    <T extends CallState> T state(Class<T> type) {
        return assertInstanceOf(type, state);
    }

    boolean did(Action a) {
        return actions.contains(a);
    }

    List<LegCommand> sentTo(LegId leg) {
        List<LegCommand> out = new ArrayList<>();
        for (Action a : actions) {
            if (a instanceof Action.Send s && s.leg().equals(leg)) {
                out.add(s.command());
            }
        }
        return out;
    }

    <T extends CallRecordEvent> List<T> records(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Action a : actions) {
            if (a instanceof Action.Emit e && type.isInstance(e.event())) {
                out.add(type.cast(e.event()));
            }
        }
        return out;
    }

    List<Action.CreateLeg> created() {
        return actions.stream().filter(Action.CreateLeg.class::isInstance).map(Action.CreateLeg.class::cast).toList();
    }
}
