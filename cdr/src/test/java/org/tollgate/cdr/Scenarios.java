package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.adapter.EndpointDirectory;
import org.tollgate.callcontrol.auth.AuthorizationApplication;
import org.tollgate.callcontrol.auth.AuthorizationResult;
import org.tollgate.callcontrol.auth.AuthorizationSession;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.cli.TestVoicePortCommand;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.record.CallRecordSink;
import org.tollgate.callcontrol.time.ManualScheduler;
import org.tollgate.config.ConfigParser;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.ParseResult;

/**
 * Real call scenarios through call control's engine with simulated analog phones
 * ({@code examples/cme-fac.cfg}), feeding a {@link CallRecordSink}: the four golden cases.
 */
public final class Scenarios {
    public final ManualScheduler clock = new ManualScheduler();

    /** Deterministic connection ids: 00000000-0000-0001-0000-00000000000N ... */
    public static Supplier<UUID> fixedIds() {
        AtomicLong n = new AtomicLong();
        return () -> {
            long v = n.incrementAndGet();
            return new UUID(0xA0DC41CF00000000L | v, 0x8002EC8200000000L | v);
        };
    }

    public static String example() throws IOException {
        return Files.readString(Path.of("..", "examples", "cme-fac.cfg"));
    }

    public static GatewayConfig config(boolean fac, String extra) throws IOException {
        String text = example();
        if (!fac) {
            text = text.lines().filter(l -> !l.trim().equals("service fac")).reduce("", (a, b) -> a + b + "\n");
        }
        ParseResult r = ConfigParser.parse("cme-fac.cfg", text);
        GatewayConfig base = assertInstanceOf(ParseResult.Ok.class, r, r.toString()).config();
        if (extra.isEmpty()) {
            return base;
        }
        ParseResult applied = ConfigParser.apply(base, "variant", extra);
        return assertInstanceOf(ParseResult.Ok.class, applied, applied.toString()).config();
    }

    public CallControlModule start(GatewayConfig cfg, AuthorizationApplication auth, CallRecordSink sink) {
        return CallControlModule.create(cfg, clock, LegFactory.unavailable(Q850Cause.NO_ROUTE_TO_DESTINATION,
                "no SIP"), auth, sink);
    }

    public static String test(CallControlModule m, String line) {
        String[] w = line.split(" ");
        return TestVoicePortCommand.run(m.ports(), w[0], List.of(w).subList(1, w.length));
    }

    /** 0/1/0 dials 99329 (0/1/1), which answers; 47 s later 0/1/1 hangs up. */
    public void connectedCall(CallRecordSink sink) throws IOException {
        CallControlModule m = start(config(false, ""), CallControl.NO_AUTHORIZATION, sink);
        test(m, "0/1/0 off-hook");
        clock.advance(Duration.ofSeconds(2));
        test(m, "0/1/0 digits 99329");
        clock.advance(Duration.ofSeconds(3));
        test(m, "0/1/1 off-hook");
        clock.advance(Duration.ofSeconds(47));
        test(m, "0/1/1 on-hook");
        test(m, "0/1/0 on-hook");
    }

    /** 0/1/0 in LocalUser, AnalogPhone's policy rejects LocalUser: blocked with cause 63. */
    public void lpcorBlockedCall(CallRecordSink sink) throws IOException {
        CallControlModule m = start(config(false, """
                voice-port 0/1/0
                 lpcor incoming LocalUser
                voice lpcor policy AnalogPhone
                 no accept LocalUser
                """), CallControl.NO_AUTHORIZATION, sink);
        test(m, "0/1/0 off-hook");
        clock.advance(Duration.ofSeconds(2));
        test(m, "0/1/0 digits 99329");
        clock.advance(Duration.ofSeconds(1));
        test(m, "0/1/0 on-hook");
    }

    /** The seed's FAC call: ephone 102 (LocalUser) calls 99329, enters 786, 0/1/1 answers, caller hangs up. */
    public void facCall(CallRecordSink sink, AuthorizationResult result) throws IOException {
        GatewayConfig cfg = config(true, "");
        CallControlModule m = start(cfg, (req, ctx) -> AuthorizationSession.completed(result), sink);
        var ephone = EndpointDirectory.byNumber(cfg, "786786").orElseThrow();
        IncomingCall call = m.calls().startCall(ephone.caller(), new LegSignaling() {
            @Override
            public void handle(LegCommand command) {
            }

            @Override
            public String describe() {
                return "ephone 102";
            }
        }, Optional.of("99329"));
        clock.advance(Duration.ofSeconds(4));
        if (result instanceof AuthorizationResult.Success) {
            test(m, "0/1/1 off-hook");
            clock.advance(Duration.ofSeconds(30));
        }
        call.events().released(Q850Cause.NORMAL_CALL_CLEARING);
        clock.advance(Duration.ofSeconds(1));
        test(m, "0/1/1 on-hook");
    }
}
