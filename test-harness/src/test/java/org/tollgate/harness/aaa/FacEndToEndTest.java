package org.tollgate.harness.aaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.AaaService;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.analog.VoicePortConfig;
import org.tollgate.callcontrol.analog.VoicePorts;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/**
 * Issue 6, in process: the seed's FAC example through the real call engine (callcontrol) and the
 * real auth package (aaa, built from {@code examples/cme-fac.cfg} loaded unchanged), with in-band
 * DTMF from a simulated analog phone.
 *
 * <p>The seed's caller is ephone 102 (LocalUser); ephones (SCCP) are not modelled, so the calling
 * side is analog port 0/1/0 placed in LocalUser — the LPCOR decision (LocalUser → AnalogPhone needs
 * FAC) is the same. The call-control side (dial plan, LPCOR table) is built here from the seed's
 * values because call control has no configuration adapter yet.
 */
class FacEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String USER_PROMPT = "prompt en_bacd_enter_dest";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
    private CallControl calls;
    private VoicePorts ports;

    private static GatewayConfig seed(String extra) throws Exception {
        String text = Files.readString(Path.of("../examples/cme-fac.cfg"));
        ParseResult parsed = ConfigParser.parse("cme-fac.cfg", text);
        GatewayConfig config = ((ParseResult.Ok) parsed).config();
        if (!extra.isEmpty()) {
            ParseResult applied = ConfigParser.apply(config, "extra", extra);
            if (applied instanceof ParseResult.Failed failed) {
                throw new AssertionError(failed.errors());
            }
            config = ((ParseResult.Ok) applied).config();
        }
        return config;
    }

    /** Call control with the seed's LPCOR and dial-peer 11 (99329 → 0/1/1), plus optional peers. */
    private void start(GatewayConfig config, List<DialPeer> extraPeers) {
        LpcorTable lpcor = new LpcorTable(true,
                List.of(new LpcorGroup(11, "LocalUser"), new LpcorGroup(12, "AnalogPhone")),
                Map.of("LocalUser", LpcorPolicy.of("LocalUser").withServiceFac(true)
                                .with("LocalUser", LpcorAccess.ACCEPT_FAC).with("AnalogPhone", LpcorAccess.ACCEPT_FAC),
                        "AnalogPhone", LpcorPolicy.of("AnalogPhone").withServiceFac(true)
                                .with("LocalUser", LpcorAccess.ACCEPT_FAC).with("AnalogPhone", LpcorAccess.ACCEPT_FAC)),
                LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
        ports = new VoicePorts(List.of(
                new VoicePortConfig("0/1/0", "Phone1", "1235", true, Optional.of("LocalUser"), Optional.of("LocalUser"),
                        Optional.empty(), false),
                new VoicePortConfig("0/1/1", "", "", false, Optional.of("AnalogPhone"), Optional.of("AnalogPhone"),
                        Optional.empty(), false),
                new VoicePortConfig("0/1/2", "", "", false, Optional.empty(), Optional.empty(), Optional.empty(), false)),
                c -> new SimulatedPhone(c.id(), scheduler), () -> calls);
        List<DialPeer> peers = new java.util.ArrayList<>(List.of(DialPeer.pots(11, "99329", "0/1/1")));
        peers.addAll(extraPeers);
        CallSettings settings = CallSettings.of(new DialPlan(peers), lpcor)
                .withPortOutgoingGroups(ports.outgoingGroups());
        AaaService aaa = new AaaService(config, Clock.systemUTC());
        calls = new CallControl(() -> settings, scheduler, ports, aaa.authorizationApplication(), records::add);
    }

    private SimulatedPhone phone(String id) {
        return (SimulatedPhone) ports.port(id).orElseThrow().driver();
    }

    @Test
    @DisplayName("seed example: user prompt heard, 786# keyed, predefined password 54321, the call reaches analog port 0/1/1")
    void seedExample() throws Exception {
        start(seed(""), List.of());
        SimulatedPhone caller = dialFacGatedNumber();
        caller.dial("786#");
        CallRecordEvent.FacResult fac = awaitRecord(CallRecordEvent.FacResult.class, 1);
        assertEquals(FacStatus.SUCCESS, fac.status());
        assertEquals("786", fac.facDigits());
        assertEquals(11, fac.dialPeerTag());
        awaitRecord(CallRecordEvent.Alerting.class, 1);
        assertTrue(phone("0/1/1").isRinging(), "the analog port rings");
    }

    @Test
    @DisplayName("max-retries 1: a wrong code gets a second try; a second wrong code releases with cause 63 (3F)")
    void wrongCodeRetryThenRelease() throws Exception {
        start(seed("application\n package auth\n  param max-retries 1\n"), List.of());
        SimulatedPhone caller = dialFacGatedNumber();
        caller.dial("111#");
        caller.dial("222#");
        CallRecordEvent.FacResult fac = awaitRecord(CallRecordEvent.FacResult.class, 1);
        assertEquals(FacStatus.FAILURE, fac.status());
        assertEquals("222", fac.facDigits(), "the last code keyed; never the password");
        CallRecordEvent.Released released = awaitRecord(CallRecordEvent.Released.class, 1);
        assertEquals(Q850Cause.SERVICE_NOT_AVAILABLE, released.cause());
        assertEquals(63, released.cause().value());
        assertEquals("3F", released.cause().hex());
        assertFalse(phone("0/1/1").isRinging());
    }

    @Test
    @DisplayName("max-retries 1: a wrong code, then the right one on the second try, reaches the analog port")
    void wrongCodeThenRightCode() throws Exception {
        start(seed("application\n package auth\n  param max-retries 1\n"), List.of());
        SimulatedPhone caller = dialFacGatedNumber();
        caller.dial("111#");
        caller.dial("786#");
        CallRecordEvent.FacResult fac = awaitRecord(CallRecordEvent.FacResult.class, 1);
        assertEquals(FacStatus.SUCCESS, fac.status());
        assertEquals("786", fac.facDigits());
        awaitRecord(CallRecordEvent.Alerting.class, 1);
        assertTrue(phone("0/1/1").isRinging());
    }

    @Test
    @DisplayName("a failed FAC sends the call to the next destination (dial-peer 12 → port 0/1/2 needs no FAC)")
    void failureHuntsToNextDestination() throws Exception {
        start(seed(""), List.of(DialPeer.pots(12, "99329", "0/1/2").withPreference(1)));
        SimulatedPhone caller = dialFacGatedNumber();
        caller.dial("999#");
        assertEquals(FacStatus.FAILURE, awaitRecord(CallRecordEvent.FacResult.class, 1).status());
        awaitRecord(CallRecordEvent.Alerting.class, 1);
        assertTrue(phone("0/1/2").isRinging(), "the next destination rings");
        assertFalse(phone("0/1/1").isRinging());
    }

    /** The phone on 0/1/0 goes off-hook and dials 99329 (a FAC-gated destination); returns once it hears the user prompt. */
    private SimulatedPhone dialFacGatedNumber() throws InterruptedException {
        SimulatedPhone caller = phone("0/1/0");
        caller.offHook();
        caller.dial("99329");
        awaitHearing(caller, USER_PROMPT);
        return caller;
    }

    private <T extends CallRecordEvent> T awaitRecord(Class<T> type, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<T> found = records.stream().filter(type::isInstance).map(type::cast).toList();
            if (found.size() >= count) {
                return found.get(count - 1);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + records);
    }

    private static void awaitHearing(SimulatedPhone phone, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !phone.hearing().equals(what)) {
            Thread.sleep(5);
        }
        assertEquals(what, phone.hearing(), () -> "history " + phone.history());
    }
}
