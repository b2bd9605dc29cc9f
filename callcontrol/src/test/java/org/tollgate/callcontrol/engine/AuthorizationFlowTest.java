package org.tollgate.callcontrol.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.analog.VoicePortConfig;
import org.tollgate.callcontrol.analog.VoicePorts;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.auth.DigitCollector;
import org.tollgate.callcontrol.call.CallSettings;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.lpcor.LpcorAccess;
import org.tollgate.callcontrol.lpcor.LpcorGroup;
import org.tollgate.callcontrol.lpcor.LpcorPolicy;
import org.tollgate.callcontrol.lpcor.LpcorTable;
import org.tollgate.callcontrol.record.CallRecordEvent;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPlan;
import org.tollgate.callcontrol.time.ManualScheduler;

/**
 * The engine's authorization plumbing with a straight-line fake "auth package" on a virtual
 * thread: prompt to the phone, in-band digits through the digit source, result back into the call.
 */
class AuthorizationFlowTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    final ManualScheduler clock = new ManualScheduler();
    final List<CallRecordEvent> records = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    CallControl calls;
    VoicePorts ports;

    /** Plays the user prompt, collects digits up to '#', accepts code 786. */
    final AuthorizationApplication fakeAuthPackage = (request, ctx) -> {
        CompletableFuture<AuthorizationResult> result = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                ctx.prompts().play("flash:en_bacd_enter_dest.au");
                DigitCollector.Result r = DigitCollector.collect(ctx.digits(), new DigitCollector.Spec(32,
                        Optional.of('#'), Optional.of('*'), ctx.interdigitTimeout()));
                result.complete(switch (r) {
                    case DigitCollector.Collected c when c.digits().equals("786") -> new AuthorizationResult.Success("786");
                    case DigitCollector.Collected c -> new AuthorizationResult.Failure(c.digits(), "unknown code");
                    case DigitCollector.Aborted a -> new AuthorizationResult.Aborted();
                    case DigitCollector.TimedOut o -> new AuthorizationResult.TimedOut();
                });
            } catch (InterruptedException e) {
                result.complete(new AuthorizationResult.Aborted());
            } finally {
                ended.complete(null);
            }
        });
        return new AuthorizationSession() {
            @Override
            public CompletionStage<AuthorizationResult> result() {
                return result;
            }

            @Override
            public void hangUp() {
                t.interrupt();
            }
        };
    };

    AuthorizationFlowTest() {
        LpcorTable lpcor = new LpcorTable(true, List.of(new LpcorGroup(11, "LocalUser"), new LpcorGroup(12, "AnalogPhone")),
                Map.of("AnalogPhone", LpcorPolicy.of("AnalogPhone").withServiceFac(true)
                        .with("LocalUser", LpcorAccess.ACCEPT_FAC)),
                LpcorTable.DEFAULT_CALL_BLOCK_CAUSE);
        ports = new VoicePorts(List.of(
                new VoicePortConfig("0/1/0", "", "1235", false, Optional.of("LocalUser"), Optional.empty(), Optional.empty(), false),
                new VoicePortConfig("0/1/1", "", "", false, Optional.empty(), Optional.of("AnalogPhone"), Optional.empty(), false)),
                c -> new SimulatedPhone(c.id(), clock), () -> calls);
        CallSettings s = CallSettings.of(new DialPlan(List.of(DialPeer.pots(11, "99329", "0/1/1"))), lpcor)
                .withPortOutgoingGroups(ports.outgoingGroups());
        calls = new CallControl(() -> s, clock, ports, fakeAuthPackage, records::add);
    }

    SimulatedPhone phone(String id) {
        return (SimulatedPhone) ports.port(id).orElseThrow().driver();
    }

    <T extends CallRecordEvent> Optional<T> awaitRecord(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> r = records.stream().filter(type::isInstance).map(type::cast).findFirst();
            if (r.isPresent()) {
                return r;
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }

    @Test
    @DisplayName("FAC by in-band DTMF: the caller hears the user prompt, keys 786#, and the call goes on to ring the port")
    void facSuccessThenRings() throws Exception {
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        assertEquals("prompt en_bacd_enter_dest", awaitHearing(a, "prompt en_bacd_enter_dest"));
        a.dial("786#");
        CallRecordEvent.FacResult fac = awaitRecord(CallRecordEvent.FacResult.class).orElseThrow();
        assertEquals(FacStatus.SUCCESS, fac.status());
        assertEquals("786", fac.facDigits());
        awaitRecord(CallRecordEvent.Alerting.class).orElseThrow();
        assertTrue(phone("0/1/1").isRinging());
    }

    @Test
    @DisplayName("FAC not entered within the inter-digit timeout (fake clock): released with cause 63, reorder")
    void facTimeout() throws Exception {
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        awaitHearing(a, "prompt en_bacd_enter_dest");
        assertTrue(clock.awaitPending(1, WAIT), "authorization waits on the call scheduler");
        clock.advance(CallSettings.DEFAULT_INTERDIGIT);
        CallRecordEvent.Released rel = awaitRecord(CallRecordEvent.Released.class).orElseThrow();
        assertEquals(Q850Cause.SERVICE_NOT_AVAILABLE, rel.cause());
        assertEquals(FacStatus.TIMED_OUT, awaitRecord(CallRecordEvent.FacResult.class).orElseThrow().status());
        assertEquals("reorder", awaitHearing(a, "reorder"));
    }

    @Test
    @DisplayName("caller hangs up mid-prompt: the authorization thread is stopped and the call released by the caller")
    void hangupMidPrompt() throws Exception {
        SimulatedPhone a = phone("0/1/0");
        a.offHook();
        a.dial("99329");
        awaitHearing(a, "prompt en_bacd_enter_dest");
        a.onHook();
        ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CallRecordEvent.Released rel = awaitRecord(CallRecordEvent.Released.class).orElseThrow();
        assertEquals(ReleaseSource.CALLING_PARTY, rel.source());
        assertEquals(FacStatus.CALLER_HUNG_UP, awaitRecord(CallRecordEvent.FacResult.class).orElseThrow().status());
    }

    String awaitHearing(SimulatedPhone p, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline && !p.hearing().equals(what)) {
            Thread.sleep(5);
        }
        return p.hearing();
    }
}
