package org.tollgate.callcontrol.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.analog.VoicePortConfig;
import org.tollgate.callcontrol.analog.VoicePorts;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.show.VoicePortShow;
import org.tollgate.callcontrol.time.ManualScheduler;

class TestVoicePortCommandTest {
    final ManualScheduler clock = new ManualScheduler();
    CallControl calls;
    final VoicePorts ports = new VoicePorts(List.of(VoicePortConfig.of("0/1/0"), VoicePortConfig.of("0/1/1")),
            c -> new SimulatedPhone(c.id(), clock), () -> calls);

    {
        CallSettings s = CallSettings.of(new DialPlan(List.of(DialPeer.pots(11, "99329", "0/1/1"))), LpcorTable.disabled());
        calls = new CallControl(() -> s, clock, ports, CallControl.NO_AUTHORIZATION, e -> { });
    }

    String run(String line) {
        String[] w = line.split(" ");
        return TestVoicePortCommand.run(ports, w[0], List.of(w).subList(1, w.length));
    }

    @Test
    @DisplayName("test voice port commands drive a call and report what the phone hears")
    void drivesACall() {
        assertEquals("0/1/0: off-hook, port ORIGINATING, hearing dial tone\n", run("0/1/0 off-hook"));
        assertEquals("0/1/0: off-hook, port ORIGINATING, hearing ringback\n", run("0/1/0 digits 99329"));
        String ringing = run("0/1/1 status");
        assertTrue(ringing.contains("Simulated phone: on-hook, ringing"), ringing);
        assertTrue(ringing.contains("Port state is RINGING"), ringing);
        assertEquals("0/1/1: off-hook, port CONNECTED, hearing silence\n", run("0/1/1 off-hook"));
        run("0/1/0 speak 500");
        assertTrue(run("0/1/1 status").contains("hearing: voice"));
        assertEquals("0/1/0: on-hook, port IDLE, hearing nothing (on-hook)\n", run("0/1/0 on-hook"));
        assertTrue(run("0/1/1 status").contains("hearing: reorder"));
    }

    @Test
    @DisplayName("auto-answer: the called phone answers by itself; 'off' turns it off; bad values are refused")
    void autoAnswerCommand() {
        assertTrue(run("0/1/1 auto-answer 1").contains("0/1/1: on-hook"));
        run("0/1/0 off-hook");
        assertTrue(run("0/1/0 digits 99329").contains("port CONNECTED"));
        assertEquals("% auto-answer <1-20> | off\n", run("0/1/1 auto-answer 99"));
        run("0/1/1 auto-answer off");
        assertTrue(run("0/1/1 status").contains("auto-answer off"));
    }

    @Test
    @DisplayName("errors: unknown port, bad digits, unknown action")
    void errors() {
        assertEquals("% Voice port 9/9/9 does not exist\n", run("9/9/9 off-hook"));
        assertEquals("% digits: 1..32 of 0-9 * # A-D\n", run("0/1/0 digits 12x"));
        assertTrue(run("0/1/0 dance").startsWith("% Invalid input"));
    }

    @Test
    @DisplayName("show voice port summary reflects hook state and call state")
    void summary() {
        run("0/1/0 off-hook");
        run("0/1/0 digits 99329");
        String out = VoicePortShow.summary(ports);
        assertTrue(out.contains("PORT            CH   SIG-TYPE"));
        assertEquals(List.of("0/1/0", "--", "fxs-ls", "up", "up", "off-hook", "idle", "y"),
                List.of(out.lines().filter(l -> l.startsWith("0/1/0")).findFirst().orElseThrow().split("\\s+")));
        assertEquals(List.of("0/1/1", "--", "fxs-ls", "up", "up", "on-hook", "ringing", "y"),
                List.of(out.lines().filter(l -> l.startsWith("0/1/1")).findFirst().orElseThrow().split("\\s+")));
    }
}
