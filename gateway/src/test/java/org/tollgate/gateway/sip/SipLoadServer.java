package org.tollgate.gateway.sip;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.tollgate.gateway.sip.auth.DigestAuthenticator;
import org.tollgate.gateway.sip.registrar.BindingRegistry;
import org.tollgate.gateway.sip.registrar.Registrar;
import org.tollgate.gateway.sip.registrar.SipUser;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

/**
 * A standalone SIP endpoint for load measurements with SIPp (docs/benchmarks.md, {@code ## SIP}):
 * default settings, user {@code 100} (no password), the {@link UnroutedCallHandler}. Prints the
 * message-path counters and heap use every 5 s. Arguments: address port [maxCallsInSetup].
 */
public final class SipLoadServer {
    private SipLoadServer() {
    }

    public static void main(String[] args) throws Exception {
        String address = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5060;
        int maxSetup = args.length > 2 ? Integer.parseInt(args[2]) : SipServerSettings.OverloadSettings.defaults().maxCallsInSetup();
        SipUserDirectory directory = SipUserDirectory.of(List.of(SipUser.open("100", "load")), false);
        BindingRegistry bindings = new BindingRegistry(Clock.systemUTC());
        Registrar registrar = new Registrar(directory, bindings, new DigestAuthenticator("tollgate", Clock.systemUTC(),
                DigestAuthenticator.DEFAULT_NONCE_LIFETIME, new SecureRandom()), Registrar.Settings.defaults());
        UnroutedCallHandler handler = new UnroutedCallHandler(directory, bindings);
        SipServerSettings settings = SipServerSettings.defaults(address, port)
                .withOverload(new SipServerSettings.OverloadSettings(maxSetup, 40_000, 500, 5));
        try (SipServer server = SipServer.start(settings, registrar, handler)) {
            handler.attach(server);
            Runtime rt = Runtime.getRuntime();
            while (true) {
                Thread.sleep(5000);
                System.out.printf("%s heapUsedMiB=%d serverTx=%d udpQueue=%d udpOverflow=%d%n", server.stats(),
                        (rt.totalMemory() - rt.freeMemory()) >> 20,
                        ((gov.nist.javax.sip.SipStackImpl) server.stack()).getServerTransactionTableSize(),
                        server.udpQueueDepth(), server.udpQueueOverflow());
            }
        }
    }
}
