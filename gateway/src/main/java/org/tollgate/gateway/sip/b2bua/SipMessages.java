package org.tollgate.gateway.sip.b2bua;

import java.text.ParseException;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.PeerUnavailableException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.gateway.sip.cause.Q850Reason;

/** JAIN-SIP factories and the few message helpers the B2BUA needs. Thread-safe. */
final class SipMessages {
    private static final Logger LOG = LoggerFactory.getLogger(SipMessages.class);

    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;

    SipMessages() {
        try {
            SipFactory f = SipFactory.getInstance();
            this.addresses = f.createAddressFactory();
            this.headers = f.createHeaderFactory();
            this.messages = f.createMessageFactory();
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP factories unavailable", e);
        }
    }

    /** Adds headers or a body to a message; may fail on a header the factory cannot build. */
    @FunctionalInterface
    interface Decorator<M extends Message> {
        void decorate(M message) throws ParseException, InvalidArgumentException;
    }

    /** Sends {@code status} on {@code tx}; failures (transaction gone) are logged at DEBUG. */
    boolean respond(ServerTransaction tx, int status, Decorator<Response> decorator) {
        try {
            Response r = messages.createResponse(status, tx.getRequest());
            decorator.decorate(r);
            tx.sendResponse(r);
            return true;
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            LOG.debug("could not send {} to {}: {}", status, tx.getRequest().getMethod(), e.toString());
            return false;
        }
    }

    /** {@code Reason: Q.850;cause=N;text="..."} (RFC 3326). */
    Header reason(Q850Cause cause) throws ParseException {
        return headers.createHeader(ReasonHeader.NAME, Q850Reason.of(cause).headerValue());
    }

    /** {@code Content-Type: application/sdp} with {@code sdp} as body. */
    void setSdp(Message m, String sdp) throws ParseException {
        ContentTypeHeader ct = headers.createContentTypeHeader("application", "sdp");
        m.setContent(sdp, ct);
    }

    /** A Contact header for the gateway's address. */
    ContactHeader contact(String user, String host, int port) throws ParseException {
        javax.sip.address.SipURI uri = addresses.createSipURI(user == null || user.isEmpty() ? null : user, host);
        uri.setPort(port);
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** The message's body as text, or empty. */
    static String body(Message m) {
        byte[] raw = m.getRawContent();
        return raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The Q.850 Reason of a message, if it carries one. */
    static Optional<Q850Reason> reasonOf(Message m) {
        java.util.ListIterator<?> it = m.getHeaders(ReasonHeader.NAME);
        while (it != null && it.hasNext()) {
            Object h = it.next();
            String value = h instanceof javax.sip.header.ReasonHeader rh
                    ? rh.getProtocol() + ";cause=" + rh.getCause() + (rh.getText() == null ? "" : ";text=\"" + rh.getText() + "\"")
                    : ((Header) h).toString().replaceFirst("(?i)^reason\\s*:\\s*", "").trim();
            Optional<Q850Reason> r = Q850Reason.parse(value);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
