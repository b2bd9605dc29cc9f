package org.tollgate.harness.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tollgate.gateway.sip.SipServer;
import org.tollgate.gateway.sip.SipServerSettings;
import org.tollgate.gateway.sip.UnroutedCallHandler;
import org.tollgate.gateway.sip.auth.DigestAlgorithm;
import org.tollgate.gateway.sip.auth.DigestAuthenticator;
import org.tollgate.gateway.sip.registrar.BindingRegistry;
import org.tollgate.gateway.sip.registrar.Registrar;
import org.tollgate.gateway.sip.registrar.SipUser;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

/**
 * Interop with the real SIPp binary (Debian package sip-tester, installed by
 * {@code scripts/install-test-peers.sh}): the scenarios under {@code src/test/resources/sipp} run
 * against a live {@link SipServer}; each must end with SIPp's exit code 0 (all calls successful).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SippInteropTest {
    private static final Path SIPP = Path.of("/usr/bin/sipp");

    private SipServer server;
    private BindingRegistry bindings;

    @BeforeAll
    void start() throws Exception {
        List<SipUser> users = List.of(SipUser.withPassword("786786", "phone786", "pw-786", "ephone-dn 102"));
        SipUserDirectory directory = SipUserDirectory.of(users, false);
        bindings = new BindingRegistry(Clock.systemUTC());
        Registrar registrar = new Registrar(directory, bindings, new DigestAuthenticator("tollgate", Clock.systemUTC(),
                DigestAuthenticator.DEFAULT_NONCE_LIFETIME, new SecureRandom(),
                // SIPp 3.6 answers the first challenge and knows only MD5: offer MD5 first here
                List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)), Registrar.Settings.defaults());
        UnroutedCallHandler handler = new UnroutedCallHandler(directory, bindings);
        server = SipServer.start(SipServerSettings.defaults("127.0.0.1", 0), registrar, handler);
        handler.attach(server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("SIPp registers with MD5 digest authentication (SIPp [authentication]) and unregisters")
    void registerWithDigest() throws Exception {
        assertEquals(0, sipp("register_digest.xml", "-s", "786786", "-au", "phone786", "-ap", "pw-786"));
        assertEquals(0, bindings.lookup("786786").size(), "unregistered at the end of the scenario");
    }

    @Test
    @DisplayName("SIPp registers with digest over TCP (one connection, SIPp -t t1) and unregisters")
    void registerWithDigestOverTcp() throws Exception {
        assertEquals(0, sipp("register_digest.xml", "-t", "t1", "-s", "786786", "-au", "phone786", "-ap", "pw-786"));
        assertEquals(0, bindings.lookup("786786").size());
    }

    @Test
    @DisplayName("SIPp OPTIONS is answered 200 with Allow and Accept")
    void options() throws Exception {
        assertEquals(0, sipp("options.xml", "-s", "ping"));
    }

    private int sipp(String scenario, String... args) throws IOException, InterruptedException, URISyntaxException {
        assumeTrue(Files.isExecutable(SIPP), "sipp not installed (scripts/install-test-peers.sh)");
        Path sf = Path.of(getClass().getResource("/sipp/" + scenario).toURI());
        Path work = Files.createTempDirectory("sipp");
        List<String> cmd = new ArrayList<>(List.of(SIPP.toString(), "-sf", sf.toString(), "-m", "1", "-i", "127.0.0.1",
                "-p", Integer.toString(freeUdpPort()), "-timeout", "20s", "-timeout_error", "-bg", "-nostdin",
                "-trace_err", "-error_file", work.resolve("errors.log").toString()));
        cmd.remove("-bg");
        cmd.addAll(List.of(args));
        cmd.add("127.0.0.1:" + server.port());
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("sipp.out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sipp did not finish; output in " + work);
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(work.resolve("sipp.out")));
            if (Files.exists(work.resolve("errors.log"))) {
                System.err.println(Files.readString(work.resolve("errors.log")));
            }
        }
        return p.exitValue();
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
