package org.tollgate.callcontrol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.analog.PortStatus;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.analog.VoicePortConfig;
import org.tollgate.callcontrol.analog.VoicePorts;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;

/** Hunting through the real engine and analog ports: busy port, FAC-failed peer, then a phone that answers. */
class HuntingEngineTest {
    @Test
    @DisplayName("three dial-peers for 5000: 0/1/1 busy (17), 0/1/2 needs a FAC that fails (63), 0/1/3 rings and answers")
    void huntsToTheThirdPeer() {
        ManualScheduler clock = new ManualScheduler();
        List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
        CallControl[] calls = new CallControl[1];
        VoicePorts ports = new VoicePorts(List.of(
                new VoicePortConfig("0/1/0", "", "1000", false, Optional.of("Staff"), Optional.empty(), Optional.empty(), false),
                VoicePortConfig.of("0/1/1"),
                new VoicePortConfig("0/1/2", "", "", false, Optional.empty(), Optional.of("Guarded"), Optional.empty(), false),
                VoicePortConfig.of("0/1/3")),
                c -> new SimulatedPhone(c.id(), clock), () -> calls[0]);
        LpcorTable lpcor = new LpcorTable(true, List.of(new LpcorGroup(1, "Staff"), new LpcorGroup(2, "Guarded")),
                Map.of("Guarded", LpcorPolicy.of("Guarded").withServiceFac(true).with("Staff", LpcorAccess.ACCEPT_FAC)),
                LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
        CallSettings settings = CallSettings.of(new DialPlan(List.of(
                DialPeer.pots(1, "5000", "0/1/1"),
                DialPeer.pots(2, "5000", "0/1/2").withPreference(1),
                DialPeer.pots(3, "5000", "0/1/3").withPreference(2))), lpcor)
                .withPortOutgoingGroups(ports.outgoingGroups());
        List<String> asked = new CopyOnWriteArrayList<>();
        calls[0] = new CallControl(() -> settings, clock, ports, (req, ctx) -> {
            asked.add(req.policy() + "/" + req.dialPeerTag());
            return AuthorizationSession.completed(new AuthorizationResult.Failure("999", "unknown code"));
        }, records::add);

        SimulatedPhone busy = (SimulatedPhone) ports.port("0/1/1").orElseThrow().driver();
        SimulatedPhone caller = (SimulatedPhone) ports.port("0/1/0").orElseThrow().driver();
        SimulatedPhone third = (SimulatedPhone) ports.port("0/1/3").orElseThrow().driver();
        busy.offHook();
        third.autoAnswer(1);
        caller.offHook();
        caller.dial("5000");

        assertEquals(List.of("Guarded/2"), asked);
        List<CallRecordEvent.AttemptFailed> failed = records.stream().filter(CallRecordEvent.AttemptFailed.class::isInstance)
                .map(CallRecordEvent.AttemptFailed.class::cast).toList();
        assertEquals(List.of(1, 2), failed.stream().map(CallRecordEvent.AttemptFailed::dialPeerTag).toList());
        assertEquals(List.of(17, 63), failed.stream().map(f -> f.cause().value()).toList());
        assertEquals(FacStatus.FAILURE, records.stream().filter(CallRecordEvent.FacResult.class::isInstance)
                .map(CallRecordEvent.FacResult.class::cast).findFirst().orElseThrow().status());
        CallRecordEvent.Connected c = records.stream().filter(CallRecordEvent.Connected.class::isInstance)
                .map(CallRecordEvent.Connected.class::cast).findFirst().orElseThrow();
        assertEquals(3, c.dialPeerTag());
        assertEquals(3, c.outgoing().index(), "leg 2 went to 0/1/1, the FAC-failed peer got no leg, leg 3 to 0/1/3");
        assertEquals(PortStatus.CONNECTED, ports.port("0/1/3").orElseThrow().status());
        assertEquals(PortStatus.IDLE, ports.port("0/1/2").orElseThrow().status());
        assertTrue(third.isOffHook());
    }
}
