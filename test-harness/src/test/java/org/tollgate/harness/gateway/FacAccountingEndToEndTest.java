package org.tollgate.harness.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tollgate.harness.radius.FreeRadiusServer;
import org.tollgate.harness.process.GatewayProcess;

/**
 * Issues 6 and 7 "done when" against the real gateway process: the seed configuration, with
 * voice-port 0/1/0 in LPCOR group LocalUser (so a call to 99329 needs a FAC under the AnalogPhone
 * policy) and {@code aaa accounting connection h323 start-stop group radius} towards a real
 * FreeRADIUS. The FAC call 0/1/0 → 99329 with code {@code 786#} connects and is hung up; over
 * telnet {@code show call history voice} shows {@code FacDigits=786}, and FreeRADIUS's detail file
 * has the STOP records with {@code fac-digits=786}; {@code /metrics} counts the call, the FAC result
 * and the RADIUS round trips.
 */
class FacAccountingEndToEndTest {
    private static final String SECRET = "e2e-acct";
    /** How many times a {@code show} is repeated while waiting for the gateway (a ceiling). */
    private static final int TRIES = 200;

    @TempDir
    Path tmp;

    static String config(FreeRadiusServer radius) throws IOException {
        return GatewayProcess.seed()
                .replace("voice-port 0/1/0\n", "voice-port 0/1/0\n lpcor incoming LocalUser\n")
                .replace("\nline con 0\n", """

                        radius server fr
                         address ipv4 127.0.0.1 auth-port %d acct-port %d
                         key %s
                        aaa accounting connection h323 start-stop group radius
                        !
                        line con 0
                        """.formatted(radius.authPort(), radius.acctPort(), SECRET));
    }

    /** The detail file's records (blank-line separated), each as one string. */
    static List<String> records(Path detail) throws IOException {
        if (!Files.exists(detail)) {
            return List.of();
        }
        return Arrays.stream(Files.readString(detail).split("\\n\\s*\\n")).filter(r -> !r.isBlank()).toList();
    }

    static long stops(Path detail, String containing) throws IOException {
        return records(detail).stream()
                .filter(r -> r.contains("Acct-Status-Type = Stop") && r.contains(containing)).count();
    }

    @Test
    @DisplayName("Issues 6+7: FAC call from an analog port in LocalUser with 786# reaches 99329; show call history voice over telnet has FacDigits=786; FreeRADIUS has the STOP records with fac-digits=786")
    void facCallAccounted() throws Exception {
        assumeTrue(FreeRadiusServer.available(), "freeradius not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/expect")), "expect not installed");
        try (FreeRadiusServer radius = FreeRadiusServer.builder().secret(SECRET).start()) {
            Path cfg = tmp.resolve("cme-fac-radius.cfg");
            Files.writeString(cfg, config(radius));
            try (GatewayProcess gateway = GatewayProcess.start(cfg, tmp.resolve("data"));
                 TelnetSession cli = TelnetSession.open(gateway.telnetPort, tmp)) {
                cli.run("test voice port 0/1/1 auto-answer 1");
                cli.run("test voice port 0/1/0 off-hook");
                String prompt = cli.run("test voice port 0/1/0 digits 99329");
                // the digits command reports "hearing prompt ..." when the prompt has already started; the
                // status command lists it as "hearing: prompt ..." while it plays and under "heard:" after
                String userPrompt = "prompt en_bacd_enter_dest";
                String status = prompt.contains(userPrompt) ? prompt
                        : cli.runUntil("test voice port 0/1/0 status", s -> s.contains(userPrompt), TRIES);
                assertTrue(status.contains(userPrompt), "the FAC prompt plays: " + status);
                cli.run("test voice port 0/1/0 digits 786#");
                String brief = cli.runUntil("show call active voice brief",
                        s -> s.lines().filter(l -> l.strip().endsWith(" active")).count() == 2, TRIES);
                assertTrue(brief.contains("fac:success/786"), brief);
                cli.run("test voice port 0/1/0 on-hook");
                String history = cli.runUntil("show call history voice",
                        s -> s.contains("Total call-legs: 2"), TRIES);
                assertEquals(2, history.lines().filter(l -> l.strip().equals("FacDigits=786")).count(), history);
                assertEquals(2, history.lines().filter(l -> l.strip().equals("FacStatus=success")).count(), history);
                assertTrue(history.contains("InLpcorGroup=LocalUser"), history);
                assertTrue(history.contains("PeerId=11"), history);
                cli.run("test voice port 0/1/1 on-hook");

                Path detail = radius.detailFile();
                for (int i = 0; i < TRIES * 2 && stops(detail, "fac-digits=786") < 2; i++) {
                    Thread.sleep(50);
                }
                assertEquals(2, stops(detail, "fac-digits=786"), records(detail).toString());
                assertTrue(records(detail).stream().anyMatch(r -> r.contains("Acct-Status-Type = Start")),
                        "start-stop also sends START records");

                // GET /metrics: the call, the FAC result and the RADIUS round trips are counted
                assertEquals(1.0, gateway.metric("tollgate_calls_total{outcome=\"answered\"}"));
                assertEquals(1.0, gateway.metric("tollgate_fac_total{result=\"success\"}"));
                assertEquals(0.0, gateway.metric("tollgate_calls_active"));
                assertTrue(gateway.metric("tollgate_radius_latency_seconds_count") >= 4,
                        "two START and two STOP requests acknowledged");
            }
        }
    }
}
