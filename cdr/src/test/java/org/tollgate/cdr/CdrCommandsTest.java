package org.tollgate.cdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.callcontrol.adapter.CallControlModule;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.cdr.record.MediaStats;
import org.tollgate.cdr.service.CdrService;
import org.tollgate.cdr.service.CdrSettings;
import org.tollgate.cdr.show.CdrCommands;
import org.tollgate.config.GatewayConfig;
import org.tollgate.config.cli.BuiltinCommands;
import org.tollgate.config.cli.CliEnvironment;
import org.tollgate.config.cli.CliSession;
import org.tollgate.config.cli.CliTerminal;
import org.tollgate.config.cli.CommandRegistry;
import org.tollgate.config.cli.ConfigHolder;
import org.tollgate.config.cli.DebugBus;
import org.tollgate.config.cli.LineDirectory;
import org.tollgate.config.cli.SessionInfo;
import org.tollgate.config.cli.StartupConfig;
import org.tollgate.config.cli.VersionInfo;
import org.tollgate.config.system.DialControlMib;

/** show call active/history voice and clear call voice through the IOS CLI framework. */
class CdrCommandsTest {
    @TempDir
    Path dir;
    final Scenarios s = new Scenarios();
    final Instant boot = Instant.parse("2025-12-31T23:58:00Z");
    final StringBuilder out = new StringBuilder();
    final List<String> cleared = new ArrayList<>();

    final CliTerminal term = new CliTerminal() {
        @Override
        public void write(String text) {
            out.append(text);
        }

        @Override
        public Optional<String> readSecret(String prompt) {
            return Optional.empty();
        }

        @Override
        public int readKey() {
            return ' ';
        }
    };

    CliSession session(GatewayConfig cfg, CdrService cdr, Clock clock) {
        StartupConfig startup = StartupConfig.none("cme-fac.cfg");
        LineDirectory lines = List::of;
        CliEnvironment env = new CliEnvironment(new ConfigHolder(cfg), new DebugBus(clock), clock, startup,
                new VersionInfo("0.1.0", boot, "cme-fac.cfg"), lines);
        CommandRegistry r = new CommandRegistry();
        new BuiltinCommands().register(r);
        new CdrCommands(() -> cdr, boot, (CallRef ref, Q850Cause cause) -> {
            cleared.add(ref.id() + "/" + cause.value());
            return true;
        }).register(r);
        return new CliSession(env, r.build(), new SessionInfo("admin", 2, "vty 0", "127.0.0.1"), term, 15, false);
    }

    String run(CliSession cli, String line) {
        out.setLength(0);
        cli.execute(line);
        return out.toString();
    }

    @Test
    @DisplayName("FAC call: active while connected (GENERIC + TELE blocks, FacDigits=786), gone from active after release, in history with cause")
    void activeThenHistory() throws Exception {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId z) {
                return this;
            }

            @Override
            public Instant instant() {
                return s.clock.now();
            }
        };
        CdrSettings settings = CdrSettings.defaults(dir, "cme-fac").withHistory(new DialControlMib(15, 50));
        try (CdrService cdr = CdrService.start(settings, List.of(), clock, MediaStats.NONE, Scenarios.fixedIds())) {
            CountDownLatch stored = new CountDownLatch(2);
            cdr.onPersisted(l -> l.forEach(r -> stored.countDown()));
            GatewayConfig cfg = Scenarios.config(true, "");
            CliSession cli = session(cfg, cdr, clock);
            CallControlModule m = s.start(cfg, (req, ctx) -> org.tollgate.callcontrol.auth.AuthorizationSession
                    .completed(new org.tollgate.callcontrol.auth.AuthorizationResult.Success("786")), cdr.recordSink());
            var ephone = org.tollgate.callcontrol.adapter.EndpointDirectory.byNumber(cfg, "786786").orElseThrow();
            var call = m.calls().startCall(ephone.caller(), new org.tollgate.callcontrol.leg.LegSignaling() {
                @Override
                public void handle(org.tollgate.callcontrol.leg.LegCommand command) {
                }

                @Override
                public String describe() {
                    return "ephone 102";
                }
            }, Optional.of("99329"));
            s.clock.advance(Duration.ofSeconds(3));
            Scenarios.test(m, "0/1/1 off-hook");
            s.clock.advance(Duration.ofSeconds(47));
            String active = run(cli, "show call active voice");
            assertTrue(active.startsWith("""
                    Telephony call-legs: 2
                    SIP call-legs: 0
                    H323 call-legs: 0
                    Call agent controlled call-legs: 0
                    Multicast call-legs: 0
                    Total call-legs: 2
                    GENERIC:
                    SetupTime=120000 ms
                    Index=1
                    PeerAddress=786786
                    """), active);
            assertTrue(active.contains("CallDuration=00:00:47 sec\nCallState=4\nCallOrigin=2\n"), active);
            assertTrue(active.contains("FacDigits=786\nFacStatus=success\n"), active);
            assertTrue(active.contains("TELE:\nConnectionId[0xA0DC41CF 0x00000001 0x8002EC82 0x00000001]\n"), active);
            assertTrue(active.contains("CallID=" + call.ref().id() + "\n"), active);
            assertFalse(active.contains("DisconnectCause"), active);
            assertTrue(run(cli, "sh call act voice brief").contains(" Answer 786786 active\n"));

            run(cli, "clear call voice id " + call.ref().id());
            run(cli, "clear call voice causecode 17");
            assertEquals(List.of(call.ref().id() + "/16", call.ref().id() + "/17"), cleared);

            call.events().released(Q850Cause.NORMAL_CALL_CLEARING);
            assertTrue(stored.await(30, TimeUnit.SECONDS));
            String after = run(cli, "show call active voice");
            assertTrue(after.contains("Total call-legs: 0\n") && !after.contains("GENERIC"), after);
            String history = run(cli, "show call history voice");
            assertTrue(history.contains("Total call-legs: 2\n"), history);
            assertTrue(history.contains("DisconnectCause=10\nDisconnectText=normal call clearing (16)\n"), history);
            assertTrue(history.contains("FacDigits=786\nFacStatus=success\n"), history);
            String last = run(cli, "show call history voice last 1");
            assertTrue(last.contains("Total call-legs: 1\n") && last.contains("PeerId=11\n"), last);
            assertTrue(run(cli, "show call history voice brief").contains(" cause:10 normal call clearing (16)\n"));
        }
    }
}
