package org.tollgate.aaa.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.packet.RadiusPacket;
import org.tinyradius.util.RadiusException;
import org.tinyradius.util.RadiusServer;
import org.tollgate.aaa.radius.CiscoDictionary;
import org.tollgate.aaa.radius.MessageAuthenticator;

/**
 * An in-process TinyRadius server on 127.0.0.1 (ephemeral port) for unit tests: checks the
 * Message-Authenticator of each request and signs its replies with one (or, by choice, sends none
 * or a forged one). The FreeRADIUS interop tests in test-harness are the real-peer counterpart.
 */
public final class EmbeddedRadiusServer extends RadiusServer implements AutoCloseable {

    /** How replies carry a Message-Authenticator. */
    public enum ReplySigning { VALID, NONE, FORGED }

    private final String secret;
    private final Map<String, String> users;
    private final ReplySigning signing;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger validRequestAuthenticators = new AtomicInteger();
    private final List<RadiusPacket> received = new CopyOnWriteArrayList<>();

    public EmbeddedRadiusServer(String secret, Map<String, String> users, ReplySigning signing) throws SocketException {
        this.secret = secret;
        this.users = Map.copyOf(users);
        this.signing = signing;
        setListenAddress(InetAddress.getLoopbackAddress());
        // TinyRadius refuses port 0: take a free ephemeral port, then let TinyRadius bind it
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket probe2 = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            setAuthPort(probe.getLocalPort());
            setAcctPort(probe2.getLocalPort());
        }
        getAuthSocket();
        getAcctSocket();
        start(true, true);
    }

    public int port() {
        return getAuthPort();
    }

    public int acctPort() {
        return getAcctPort();
    }

    /** Requests that arrived (including ones with a bad Message-Authenticator). */
    public int requests() {
        return requests.get();
    }

    /** Requests whose Message-Authenticator verified with this server's secret. */
    public int validRequestAuthenticators() {
        return validRequestAuthenticators.get();
    }

    public List<RadiusPacket> received() {
        return List.copyOf(received);
    }

    @Override
    public String getSharedSecret(InetSocketAddress client) {
        return secret;
    }

    @Override
    public String getUserPassword(String userName) {
        return users.get(userName);
    }

    @Override
    protected void processRequest(DatagramSocket socket, DatagramPacket packet) {
        requests.incrementAndGet();
        if (MessageAuthenticator.verifyRequest(packet.getData(), packet.getLength(), secret)) {
            validRequestAuthenticators.incrementAndGet();
        }
        try {
            received.add(super.makeRadiusPacket(packet, secret, RadiusPacket.UNDEFINED));
        } catch (IOException | RadiusException e) {
            throw new IllegalStateException("undecodable request", e);
        }
        super.processRequest(socket, packet);
    }

    @Override
    protected DatagramPacket makeDatagramPacket(RadiusPacket response, String sharedSecret, InetAddress address,
            int port, RadiusPacket request) throws IOException {
        if (signing != ReplySigning.NONE) {
            response.setDictionary(CiscoDictionary.get());
            RadiusAttribute ma = new RadiusAttribute(CiscoDictionary.MESSAGE_AUTHENTICATOR, new byte[16]);
            response.addAttribute(ma);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            response.encodeResponsePacket(out, sharedSecret, request);
            byte[] bytes = out.toByteArray();
            System.arraycopy(request.getAuthenticator(), 0, bytes, 4, 16);
            MessageAuthenticator.sign(bytes, bytes.length, sharedSecret);
            int at = MessageAuthenticator.find(bytes, bytes.length).getAsInt();
            byte[] mac = java.util.Arrays.copyOfRange(bytes, at + 2, at + 18);
            if (signing == ReplySigning.FORGED) {
                mac[0] ^= 0x55;
            }
            ma.setAttributeData(mac);
        }
        return super.makeDatagramPacket(response, sharedSecret, address, port, request);
    }

    @Override
    public void close() {
        stop();
    }
}
