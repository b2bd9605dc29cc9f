package org.tollgate.callcontrol.analog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;

/** An analog phone calling a voip dial-peer through a scripted fake SIP leg: DTMF relay both ways. */
class AnalogSipRelayTest {
    @Test
    @DisplayName("analog -> voip: the fake SIP leg is offered the number, answers; in-band digits are relayed to it and its digits are played to the phone")
    void dtmfRelay() {
        ManualScheduler clock = new ManualScheduler();
        List<LegCommand> toSip = new CopyOnWriteArrayList<>();
        LegEvents[] sipEvents = new LegEvents[1];
        LegFactory voip = (req, ev) -> {
            sipEvents[0] = ev;
            return new LegFactory.Created(new LegSignaling() {
                @Override
                public void handle(LegCommand command) {
                    toSip.add(command);
                }

                @Override
                public String describe() {
                    return "fake sip";
                }
            });
        };
        CallControl[] calls = new CallControl[1];
        VoicePorts ports = new VoicePorts(List.of(new VoicePortConfig("0/1/0", "", "1235", false, Optional.empty(),
                Optional.empty(), Optional.empty(), false)), c -> new SimulatedPhone(c.id(), clock), () -> calls[0]);
        CallSettings s = CallSettings.of(new DialPlan(List.of(DialPeer.voip(100, "2...", "ipv4:192.0.2.1"))),
                LpcorTable.disabled());
        calls[0] = new CallControl(() -> s, clock, LegFactory.byKind(ports, voip), CallControl.NO_AUTHORIZATION, e -> { });
        SimulatedPhone phone = (SimulatedPhone) ports.port("0/1/0").orElseThrow().driver();
        phone.offHook();
        phone.dial("2001");
        assertEquals(new LegCommand.Offer("2001", "1235", ""), toSip.getFirst());
        sipEvents[0].alerting();
        assertEquals("ringback", phone.hearing());
        sipEvents[0].answered();
        phone.dial("5");
        assertTrue(toSip.contains(new LegCommand.SendDigits("5")), toSip.toString());
        sipEvents[0].digits("9");
        assertEquals("dtmf 9", phone.hearing(), "the relayed digit is played in-band and recognised by the phone's ear");
    }
}
