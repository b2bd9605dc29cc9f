package org.tollgate.callcontrol.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.analog.PortStatus;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.lpcor.LpcorDecision;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.show.LpcorShow;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/**
 * The "done when": examples/cme-fac.cfg without {@code service fac}, driven through the
 * {@code test voice port} command: an analog-to-analog call that connects, and one across a
 * rejecting LPCOR policy released with cause 63 (3F).
 */
class CmeFacExampleTest {
    final ManualScheduler clock = new ManualScheduler();
    final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();

    static String example() throws IOException {
        Path p = Path.of("..", "examples", "cme-fac.cfg");
        return Files.readString(p);
    }

    /** The example without {@code service fac} (FAC out of the picture). */
    static GatewayConfig withoutFac(String extra) throws IOException {
        String text = example().lines().filter(l -> !l.trim().equals("service fac"))
                .reduce("", (a, b) -> a + b + "\n");
        ParseResult r = ConfigParser.parse("cme-fac.cfg", text);
        GatewayConfig base = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
        if (extra.isEmpty()) {
            return base;
        }
        ParseResult applied = ConfigParser.apply(base, "variant", extra);
        return assertInstanceOf(ParseResult.Ok.class, applied, applied.toString()).config();
    }

    CallControlModule start(GatewayConfig config) {
        return CallControlModule.create(config, clock, LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION, "no SIP"),
                CallControl.NO_AUTHORIZATION, records::add);
    }

    static String test(CallControlModule m, String line) {
        String[] w = line.split(" ");
        return TestVoicePortCommand.run(m.ports(), w[0], List.of(w).subList(1, w.length));
    }

    @Test
    @DisplayName("cme-fac.cfg loads into call control: dial-peer 11 -> 0/1/1, AnalogPhone policy, ports 0/1/0 and 0/1/1")
    void exampleAdapts() throws IOException {
        GatewayConfigAdapter.Adapted a = GatewayConfigAdapter.adapt(assertInstanceOf(ParseResult.Ok.class,
                ConfigParser.parse("cme-fac.cfg", example())).config());
        assertEquals(List.of("0/1/0", "0/1/1"), a.voicePorts().stream().map(p -> p.id()).toList());
        assertEquals(11, a.settings().dialPlan().candidates("99329").getFirst().tag());
        assertEquals(Optional.of("AnalogPhone"), a.settings().calleeGroup(a.settings().dialPlan().peer(11).orElseThrow()));
        assertEquals(new LpcorDecision.RequireFac("AnalogPhone"),
                a.settings().lpcor().decide(Optional.of("LocalUser"), Optional.of("AnalogPhone")));
        assertTrue(LpcorShow.policy(a.settings().lpcor(), Optional.of("AnalogPhone"))
                .contains("  ( accept fac ) LocalUser (group 11)"));
        assertTrue(a.warnings().isEmpty(), a.warnings().toString());
    }

    @Test
    @DisplayName("cme-fac.cfg without service fac: test voice port drives 0/1/0 -> 99329 (0/1/1) to a connected call")
    void analogCallConnects() throws IOException {
        CallControlModule m = start(withoutFac(""));
        assertTrue(test(m, "0/1/0 off-hook").endsWith("hearing dial tone\n"));
        assertTrue(test(m, "0/1/0 digits 99329").endsWith("hearing ringback\n"));
        assertTrue(test(m, "0/1/1 status").contains("hearing: ringing"), "0/1/1 has no caller-id enable: plain ringing");
        assertTrue(test(m, "0/1/1 off-hook").contains("port CONNECTED"));
        assertEquals(PortStatus.CONNECTED, m.ports().port("0/1/0").orElseThrow().status());
        test(m, "0/1/1 speak 500");
        assertTrue(test(m, "0/1/0 status").contains("hearing: voice"));
        CallRecordEvent.Connected c = records.stream().filter(CallRecordEvent.Connected.class::isInstance)
                .map(CallRecordEvent.Connected.class::cast).findFirst().orElseThrow();
        assertEquals(11, c.dialPeerTag());
        test(m, "0/1/1 on-hook");
        CallRecordEvent.Released r = records.stream().filter(CallRecordEvent.Released.class::isInstance)
                .map(CallRecordEvent.Released.class::cast).findFirst().orElseThrow();
        assertEquals(Q850Cause.NORMAL_CALL_CLEARING, r.cause());
    }

    @Test
    @DisplayName("cme-fac.cfg without service fac, 0/1/0 in LocalUser and 'no accept LocalUser': released with cause 63 (3F), reorder")
    void rejectingPolicyReleasesWith63() throws IOException {
        CallControlModule m = start(withoutFac("""
                voice-port 0/1/0
                 lpcor incoming LocalUser
                voice lpcor policy AnalogPhone
                 no accept LocalUser
                """));
        test(m, "0/1/0 off-hook");
        assertTrue(test(m, "0/1/0 digits 99329").endsWith("hearing reorder\n"));
        assertEquals(PortStatus.IDLE, m.ports().port("0/1/1").orElseThrow().status());
        CallRecordEvent.Released r = records.stream().filter(CallRecordEvent.Released.class::isInstance)
                .map(CallRecordEvent.Released.class::cast).findFirst().orElseThrow();
        assertEquals(63, r.cause().value());
        assertEquals("3F", r.cause().hex());
        CallRecordEvent.AttemptFailed f = records.stream().filter(CallRecordEvent.AttemptFailed.class::isInstance)
                .map(CallRecordEvent.AttemptFailed.class::cast).findFirst().orElseThrow();
        assertEquals("lpcor policy AnalogPhone rejects LocalUser", f.reason());
        assertTrue(test(m, "0/1/0 status").contains(
                " Last disconnect cause 3F (service or option not available, unspecified (63))"));
    }

    @Test
    @DisplayName("Seed scenario routing: ephone 102 (LocalUser) calling 99329 needs a FAC; 0/1/0 calling 786786 reaches ephone 102's line")
    void seedEndpoints() throws IOException {
        GatewayConfig cfg = assertInstanceOf(ParseResult.Ok.class, ConfigParser.parse("cme-fac.cfg", example())).config();
        Endpoint ephone = EndpointDirectory.byNumber(cfg, "786786").orElseThrow();
        assertEquals("ephone 102", ephone.name());
        assertEquals("HussainFAC", ephone.displayName());
        assertEquals(Optional.of("LocalUser"), ephone.lpcorIncoming());
        java.util.concurrent.CompletableFuture<org.tollgate.callcontrol.auth.AuthorizationRequest> asked =
                new java.util.concurrent.CompletableFuture<>();
        CallControlModule m = CallControlModule.create(cfg, clock, LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION,
                "no SIP"), (req, ctx) -> {
                    asked.complete(req);
                    return new org.tollgate.callcontrol.auth.AuthorizationSession() {
                        @Override
                        public java.util.concurrent.CompletionStage<org.tollgate.callcontrol.auth.AuthorizationResult> result() {
                            return new java.util.concurrent.CompletableFuture<>();
                        }

                        @Override
                        public void hangUp() {
                        }
                    };
                }, records::add);
        var call = m.calls().startCall(ephone.caller(), new org.tollgate.callcontrol.leg.LegSignaling() {
            @Override
            public void handle(org.tollgate.callcontrol.leg.LegCommand command) {
            }

            @Override
            public String describe() {
                return "test phone";
            }
        }, Optional.of("99329"));
        assertInstanceOf(org.tollgate.callcontrol.call.CallState.Authorizing.class, m.calls().state(call.ref()).orElseThrow());
        assertEquals("AnalogPhone", asked.getNow(null).policy());
        assertEquals(11, asked.getNow(null).dialPeerTag());
        var line = m.settings().dialPlan().candidates("786786").getFirst();
        assertEquals(EndpointDirectory.EPHONE_DN_TAG_BASE + 1, line.tag());
        assertEquals(Optional.of("LocalUser"), m.settings().calleeGroup(line));
    }

    @Test
    @DisplayName("voice-port 'device PATH' names hardware tollgate cannot drive: the port is out of service, calls to it fail with 27")
    void hardwareDeviceIsOutOfService() throws IOException {
        CallControlModule m = start(withoutFac("""
                voice-port 0/1/1
                 device /dev/ttyFXS1
                """));
        assertEquals(PortStatus.SHUTDOWN, m.ports().port("0/1/1").orElseThrow().status());
        test(m, "0/1/0 off-hook");
        assertTrue(test(m, "0/1/0 digits 99329").endsWith("hearing reorder\n"));
        CallRecordEvent.Released r = records.stream().filter(CallRecordEvent.Released.class::isInstance)
                .map(CallRecordEvent.Released.class::cast).findFirst().orElseThrow();
        assertEquals(Q850Cause.DESTINATION_OUT_OF_ORDER, r.cause());
        assertTrue(test(m, "0/1/1 off-hook").startsWith("% Voice port 0/1/1 has no simulated phone"));
    }
}
