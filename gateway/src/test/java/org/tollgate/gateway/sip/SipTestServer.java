package org.tollgate.gateway.sip;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.tollgate.gateway.sip.auth.DigestAuthenticator;
import org.tollgate.gateway.sip.registrar.BindingRegistry;
import org.tollgate.gateway.sip.registrar.Registrar;
import org.tollgate.gateway.sip.registrar.SipUser;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

/** A running {@link SipServer} on 127.0.0.1 with an ephemeral port and a small user directory. */
final class SipTestServer implements AutoCloseable {
    static final String REALM = "tollgate.test";

    final SipUserDirectory directory;
    final BindingRegistry bindings;
    final Registrar registrar;
    final SipServer server;

    SipTestServer(List<SipUser> users, SipCallHandler handler, SipServerSettings.OverloadSettings overload)
            throws SipServer.SipStartException {
        this(users, handler, SipServerSettings.defaults("127.0.0.1", 0).withOverload(overload));
    }

    SipTestServer(List<SipUser> users, SipCallHandler handler, SipServerSettings settings)
            throws SipServer.SipStartException {
        directory = SipUserDirectory.of(users, false);
        bindings = new BindingRegistry(Clock.systemUTC());
        registrar = new Registrar(directory, bindings,
                new DigestAuthenticator(REALM, Clock.systemUTC(), DigestAuthenticator.DEFAULT_NONCE_LIFETIME,
                        new SecureRandom()), Registrar.Settings.defaults());
        SipCallHandler h = handler != null ? handler : new UnroutedCallHandler(directory, bindings);
        server = SipServer.start(settings, registrar, h);
        if (h instanceof UnroutedCallHandler u) {
            u.attach(server);
        }
    }

    /** The users the RFC 4475 messages address: open ones, and j.user with a password. */
    static List<SipUser> tortureUsers() {
        return List.of(SipUser.open("user", "voice register dn 1"), SipUser.open("vivekg", "voice register dn 2"),
                SipUser.open("UserB", "voice register dn 3"), SipUser.open("watson", "voice register dn 4"),
                SipUser.withPassword("j.user", "j.user", "secret", "voice register pool 1"));
    }

    int port() {
        return server.port();
    }

    @Override public void close() {
        server.close();
    }
}
