package org.tollgate.aaa.radius.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.packet.AccountingRequest;
import org.tinyradius.packet.RadiusPacket;
import org.tinyradius.util.RadiusException;
import org.tollgate.aaa.radius.CiscoDictionary;
import org.tollgate.aaa.radius.RadiusServerSpec;
import org.tollgate.aaa.radius.RadiusSettings;

/**
 * One Accounting-Request to one server, blocking (run it on a virtual thread). RFC 2866 §3: the
 * Request Authenticator is the MD5 over the packet and the secret (TinyRadius computes it); a reply
 * counts only as an Accounting-Response with the right Identifier and Response Authenticator.
 */
public final class AccountingExchange {

    private static final Logger LOG = LoggerFactory.getLogger(AccountingExchange.class);
    private static final AtomicInteger IDENTIFIERS = new AtomicInteger();

    private AccountingExchange() {
    }

    /** Sends the attributes as one Accounting-Request; the answer is TRUE when acknowledged. */
    public static UdpExchange.Outcome<Boolean> run(RadiusServerSpec server, RadiusSettings settings,
            List<RadiusAttribute> attributes) throws InterruptedException {
        AccountingRequest request = new AccountingRequest();
        request.setDictionary(CiscoDictionary.get());
        request.setPacketIdentifier(IDENTIFIERS.getAndIncrement() & 0xff);
        attributes.forEach(request::addAttribute);
        byte[] packet;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            request.encodeRequestPacket(out, server.key());
            packet = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode Accounting-Request", e);
        } catch (RuntimeException e) {
            // TinyRadius rejects requests without User-Name or Acct-Status-Type: a caller bug
            throw new IllegalArgumentException("invalid Accounting-Request: " + e.getMessage(), e);
        }
        UdpExchange.Outcome<Boolean> outcome = UdpExchange.run(server.address(), server.acctPort(), settings, packet,
                (buffer, length) -> {
                    if (length < 20 || (buffer[1] & 0xff) != request.getPacketIdentifier()
                            || (buffer[0] & 0xff) != RadiusPacket.ACCOUNTING_RESPONSE) {
                        // RFC 2866 section 4.2: only an Accounting-Response answers
                        return null;
                    }
                    try {
                        RadiusPacket reply = RadiusPacket.decodeResponsePacket(CiscoDictionary.get(),
                                new ByteArrayInputStream(buffer, 0, length), server.key(), request);
                        return reply.getPacketType() == RadiusPacket.ACCOUNTING_RESPONSE ? Boolean.TRUE : null;
                    } catch (IllegalArgumentException e) {
                        LOG.warn("RADIUS {}: dropped malformed accounting reply ({})", server.name(), e.getMessage());
                        return null;
                    } catch (RadiusException | IOException e) {
                        LOG.warn("RADIUS {}: dropped accounting reply failing the Response Authenticator check ({})",
                                server.name(), e.getMessage());
                        return null;
                    }
                });
        return outcome;
    }
}
