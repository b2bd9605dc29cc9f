package org.tollgate.aaa.radius.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tinyradius.attribute.IpAttribute;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.StringAttribute;
import org.tinyradius.attribute.VendorSpecificAttribute;
import org.tinyradius.packet.AccessRequest;
import org.tinyradius.packet.RadiusPacket;
import org.tinyradius.util.RadiusException;
import org.tollgate.aaa.method.Credentials;
import org.tollgate.aaa.radius.CiscoDictionary;
import org.tollgate.aaa.radius.MessageAuthenticator;
import org.tollgate.aaa.radius.RadiusAnswer;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;

/**
 * One PAP Access-Request to one server, blocking (run it on a virtual thread).
 *
 * <p>RFC 2865 §2, §5.2 (User-Password hiding: TinyRadius), RFC 3579 §3.2 (Message-Authenticator,
 * first attribute, BlastRADIUS-safe), RFC 5080 §2.2.1 (a retransmission is the same packet: same
 * Identifier and Request Authenticator). The socket is bound to the configured source address and
 * connected to the server, so an ICMP port-unreachable ends the exchange at once. Replies whose
 * Identifier, Response Authenticator or Message-Authenticator do not check out are dropped and
 * logged, and the wait goes on until the timeout.
 */
public final class AccessExchange {

    private static final Logger LOG = LoggerFactory.getLogger(AccessExchange.class);
    private static final AtomicInteger IDENTIFIERS = new AtomicInteger();

    private final RadiusServerSpec server;
    private final RadiusSettings settings;
    private final String nasIdentifier;

    public AccessExchange(RadiusServerSpec server, RadiusSettings settings, String nasIdentifier) {
        this.server = server;
        this.settings = settings;
        this.nasIdentifier = nasIdentifier;
    }

    /** Sends the request, retransmitting per settings, and returns the server's answer. */
    public RadiusAnswer run(Credentials credentials) throws InterruptedException {
        return exchange(credentials).answer();
    }

    /** As {@link #run}, with the transport counters. */
    public UdpExchange.Outcome<RadiusAnswer> exchange(Credentials credentials) throws InterruptedException {
        Encoded encoded = encode(credentials);
        AccessRequest request = encoded.request();
        byte[] requestAuthenticator = request.getAuthenticator();
        UdpExchange.Outcome<RadiusAnswer> outcome = UdpExchange.run(server.address(), server.authPort(), settings,
                encoded.packet(), (buffer, length) -> check(request, requestAuthenticator, buffer, length));
        return outcome.answer() != null
                ? outcome
                : new UdpExchange.Outcome<>(new RadiusAnswer.NoAnswer(server.name(), outcome.failure()),
                        outcome.failure(), outcome.transmissions(), outcome.invalid());
    }

    /** An encoded, signed Access-Request and its packet object (which holds the Request Authenticator). */
    record Encoded(AccessRequest request, byte[] packet) {
    }

    /** Builds, encodes and signs the Access-Request. */
    Encoded encode(Credentials credentials) {
        AccessRequest request = new AccessRequest();
        request.setDictionary(CiscoDictionary.get());
        request.setPacketIdentifier(IDENTIFIERS.getAndIncrement() & 0xff);
        request.addAttribute(new RadiusAttribute(CiscoDictionary.MESSAGE_AUTHENTICATOR, new byte[16]));
        request.setUserName(credentials.username());
        request.setUserPassword(credentials.password());
        request.setAuthProtocol(AccessRequest.AUTH_PAP);
        StringAttribute nasId = new StringAttribute(32, nasIdentifier);
        request.addAttribute(nasId);
        settings.sourceAddress().ifPresent(address -> {
            if (address.getAddress().length == 4) {
                IpAttribute nasIp = new IpAttribute();
                nasIp.setAttributeType(4);
                nasIp.setAttributeValue(address.getHostAddress());
                request.addAttribute(nasIp);
            }
        });
        byte[] packet;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            request.encodeRequestPacket(out, server.key());
            packet = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode Access-Request", e);
        }
        MessageAuthenticator.sign(packet, packet.length, server.key());
        return new Encoded(request, packet);
    }

    /** The answer in a valid reply, or null when the reply must be dropped. */
    RadiusAnswer check(AccessRequest request, byte[] requestAuthenticator, byte[] buffer, int length) {
        if (length < 20 || (buffer[1] & 0xff) != request.getPacketIdentifier()) {
            LOG.warn("RADIUS {}: dropped reply with wrong identifier or length", server.name());
            return null;
        }
        int code = buffer[0] & 0xff;
        if (code != RadiusPacket.ACCESS_ACCEPT && code != RadiusPacket.ACCESS_REJECT
                && code != RadiusPacket.ACCESS_CHALLENGE) {
            // RFC 2865 section 4: only these codes answer an Access-Request
            LOG.warn("RADIUS {}: dropped reply with code {}", server.name(), code);
            return null;
        }
        RadiusPacket reply;
        try {
            reply = RadiusPacket.decodeResponsePacket(CiscoDictionary.get(),
                    new ByteArrayInputStream(buffer, 0, length), server.key(), request);
        } catch (IllegalArgumentException e) {
            // TinyRadius reports some malformed packets (e.g. impossible attribute values) this way
            LOG.warn("RADIUS {}: dropped malformed reply ({})", server.name(), e.getMessage());
            return null;
        } catch (RadiusException | IOException e) {
            LOG.warn("RADIUS {}: dropped reply failing the Response Authenticator check ({})", server.name(),
                    e.getMessage());
            return null;
        }
        boolean hasMessageAuthenticator = MessageAuthenticator.find(buffer, length).isPresent();
        if (hasMessageAuthenticator) {
            if (!MessageAuthenticator.verifyReply(buffer, length, requestAuthenticator, server.key())) {
                LOG.warn("RADIUS {}: dropped reply with an invalid Message-Authenticator", server.name());
                return null;
            }
        } else if (settings.requireResponseMessageAuthenticator()) {
            LOG.warn("RADIUS {}: dropped reply without Message-Authenticator (BlastRADIUS protection)",
                    server.name());
            return null;
        }
        return switch (reply.getPacketType()) {
            case RadiusPacket.ACCESS_ACCEPT -> new RadiusAnswer.Accept(server.name(), avPairs(reply));
            case RadiusPacket.ACCESS_REJECT, RadiusPacket.ACCESS_CHALLENGE -> new RadiusAnswer.Reject(server.name());
            default -> {
                LOG.warn("RADIUS {}: dropped unexpected reply type {}", server.name(), reply.getPacketType());
                yield null;
            }
        };
    }

    private static List<String> avPairs(RadiusPacket reply) {
        List<String> pairs = new ArrayList<>();
        for (Object vsaObject : reply.getVendorAttributes(CiscoDictionary.VENDOR_ID)) {
            VendorSpecificAttribute vsa = (VendorSpecificAttribute) vsaObject;
            for (Object sub : vsa.getSubAttributes(CiscoDictionary.CISCO_AVPAIR)) {
                pairs.add(((RadiusAttribute) sub).getAttributeValue());
            }
        }
        return pairs;
    }
}
