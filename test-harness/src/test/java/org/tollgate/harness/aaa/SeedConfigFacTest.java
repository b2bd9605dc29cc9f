package org.tollgate.harness.aaa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.aaa.AaaService;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.Endpoint;
import org.tollgate.callcontrol.adapter.EndpointDirectory;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;
import org.tollgate.harness.legs.RecordingLeg;

/**
 * Issue 6 "done when", in process: the seed's configuration ({@code examples/cme-fac.cfg}) loaded
 * unchanged into call control (its own configuration adapter) and AAA; the phone registered as
 * 786786 (ephone-dn 102, ephone 102: LocalUser) calls 99329 (dial-peer 11 → voice-port 0/1/1,
 * AnalogPhone) and is asked for a FAC first.
 *
 * <p>The SIP dialog itself is replaced by a recording leg: what the SIP B2BUA would turn into 183 +
 * early-media prompt ({@link LegCommand.PlayPrompt}) is recorded, and the digits a SIP caller
 * sends (INFO or RFC 4733) arrive decoded through {@code LegEvents.digits}, as the B2BUA will
 * deliver them. The SIPp scenarios over the wire wait for the B2BUA (issue 5).
 */
class SeedConfigFacTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();

    private static GatewayConfig seed() throws Exception {
        ParseResult parsed = ConfigParser.parse("cme-fac.cfg", Files.readString(Path.of("../examples/cme-fac.cfg")));
        if (parsed instanceof ParseResult.Failed failed) {
            throw new AssertionError(failed.errors());
        }
        return ((ParseResult.Ok) parsed).config();
    }

    @Test
    @DisplayName("seed config unchanged: the caller registered as 786786 hears the user prompt, keys 786#, and 99329 (port 0/1/1) rings")
    void callerAskedForFacBeforeReaching99329() throws Exception {
        GatewayConfig config = seed();
        AaaService aaa = new AaaService(config, Clock.systemUTC());
        CallControlModule cc = CallControlModule.create(config, scheduler,
                LegFactory.unavailable(Q850Cause.SERVICE_NOT_AVAILABLE, "no SIP in this test"),
                aaa.authorizationApplication(), records::add);
        Endpoint phone = EndpointDirectory.byNumber(config, "786786").orElseThrow();
        assertEquals(Optional.of("LocalUser"), phone.lpcorIncoming(), "ephone 102 is LocalUser");
        RecordingLeg leg = new RecordingLeg();
        IncomingCall call = cc.calls().startCall(phone.caller(), leg, Optional.of("99329"));

        awaitTrue(() -> leg.heardPrompt("flash:en_bacd_enter_dest.au"), "user prompt played before routing");
        SimulatedPhone analog = (SimulatedPhone) cc.ports().port("0/1/1").orElseThrow().driver();
        assertFalse(analog.isRinging(), "99329 is not reached before the FAC");

        call.events().digits("786#");

        CallRecordEvent.FacResult fac = awaitRecord(CallRecordEvent.FacResult.class);
        assertEquals(FacStatus.SUCCESS, fac.status());
        assertEquals("786", fac.facDigits());
        awaitRecord(CallRecordEvent.Alerting.class);
        assertTrue(analog.isRinging(), "voice-port 0/1/1 rings");
    }

    @Test
    @DisplayName("seed config unchanged: a wrong code (max-retries 0) releases the SIP caller with cause 63")
    void wrongCodeReleased() throws Exception {
        GatewayConfig config = seed();
        AaaService aaa = new AaaService(config, Clock.systemUTC());
        CallControlModule cc = CallControlModule.create(config, scheduler,
                LegFactory.unavailable(Q850Cause.SERVICE_NOT_AVAILABLE, "no SIP in this test"),
                aaa.authorizationApplication(), records::add);
        Endpoint phone = EndpointDirectory.byNumber(config, "786786").orElseThrow();
        RecordingLeg leg = new RecordingLeg();
        IncomingCall call = cc.calls().startCall(phone.caller(), leg, Optional.of("99329"));
        awaitTrue(() -> leg.heardPrompt("flash:en_bacd_enter_dest.au"), "user prompt played");
        call.events().digits("787#");
        assertEquals(FacStatus.FAILURE, awaitRecord(CallRecordEvent.FacResult.class).status());
        CallRecordEvent.Released released = awaitRecord(CallRecordEvent.Released.class);
        assertEquals(63, released.cause().value());
        awaitTrue(() -> leg.commands.stream().anyMatch(c -> c instanceof LegCommand.Release r
                && r.cause().value() == 63), "the SIP leg is released with cause 63");
    }

    private <T extends CallRecordEvent> T awaitRecord(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = records.stream().filter(type::isInstance).map(type::cast).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + records);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !condition.getAsBoolean()) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), what);
    }
}
