package org.tollgate.lines.tunnel;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * Apache MINA SSHD set up the way every tollgate tunnel uses it.
 *
 * <p>Both ends authenticate by password only (the connector's "password" is an {@link OtpProof}); MINA's
 * own idle timeout is switched off because the session-end rules (secure telnet spec: 30 minutes without
 * traffic) are enforced by {@link IdleTimer} on an injected clock. The head end's host key is an EC P-256
 * key persisted in a file, created on first start.
 */
public final class SshTunnels {
    /** TCP connect and SSH authentication timeout for the connecting side. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private SshTunnels() {}

    /** A started SSH client that only tries password authentication. */
    public static SshClient newClient() {
        SshClient client = SshClient.setUpDefaultClient();
        client.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, Duration.ZERO);
        client.start();
        return client;
    }

    /** An SSH server (not yet started) with password authentication only and the persisted host key. */
    public static SshServer newServer(HostKey hostKey) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setUserAuthFactories(List.of(new org.apache.sshd.server.auth.password.UserAuthPasswordFactory()));
        server.setKeyPairProvider(hostKey.provider());
        CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ZERO);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(server, Duration.ZERO);
        return server;
    }

    /** The head end's persisted host key. */
    public record HostKey(SimpleGeneratorHostKeyProvider provider, PublicKey publicKey) {
        /** Loads the key from {@code file}, generating it (EC P-256) on first use. */
        public static HostKey load(Path file) throws IOException {
            SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
            provider.setAlgorithm("EC");
            provider.setKeySize(256);
            for (KeyPair k : provider.loadKeys(null)) {
                restrictToOwner(file);
                return new HostKey(provider, k.getPublic());
            }
            throw new IOException("no host key in " + file);
        }

        private static void restrictToOwner(Path file) throws IOException {
            if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }

        /** {@code SHA256:<base64>} of the public key. */
        public String fingerprint() {
            return HostKeyTrust.fingerprint(publicKey);
        }
    }
}
