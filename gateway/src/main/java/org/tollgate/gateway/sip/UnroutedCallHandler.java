package org.tollgate.gateway.sip;

import java.text.ParseException;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.registrar.BindingRegistry;
import org.tollgate.gateway.sip.registrar.SipUserDirectory;

/**
 * The call handler used until the B2BUA is wired: it routes nothing. An INVITE for a configured
 * SIP user gets {@code 480 Temporarily Unavailable} (RFC 3261 21.4.18), for anyone else
 * {@code 404 Not Found}, at once; a later CANCEL or any in-dialog request therefore matches nothing
 * and gets {@code 481} (RFC 3261 section 9.2). This is a real, documented behaviour of a gateway
 * without call routing, not a stand-in for the B2BUA's.
 */
public final class UnroutedCallHandler implements SipCallHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UnroutedCallHandler.class);

    private final SipUserDirectory directory;
    private final BindingRegistry bindings;
    private volatile SipServer server;
    private final MessageFactory messages;

    /** A handler answering from the user directory. */
    public UnroutedCallHandler(SipUserDirectory directory, BindingRegistry bindings) {
        this.directory = directory;
        this.bindings = bindings;
        try {
            this.messages = SipFactory.getInstance().createMessageFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new IllegalStateException("JAIN-SIP message factory unavailable", e);
        }
    }

    /** Connects the server whose overload accounting this handler reports to. */
    public void attach(SipServer sipServer) {
        this.server = sipServer;
    }

    @Override public void onInvite(RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        String user = request.getRequestURI() instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
        boolean known = directory.find(user).isPresent();
        int status = known ? Response.TEMPORARILY_UNAVAILABLE : Response.NOT_FOUND;
        LOG.debug("INVITE for {} answered {} ({} bindings)", user, status, bindings.lookup(user).size());
        send(transaction, status);
        SipServer s = server;
        if (s != null) {
            s.callSetupFinished(transaction);
        }
    }

    @Override public void onInDialogRequest(RequestEvent event, ServerTransaction transaction) {
        if (transaction == null) {
            return; // ACK
        }
        send(transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Override public void onDigit(Dialog dialog, DigitEvent digit) {
        // no call to deliver digits to
    }

    private void send(ServerTransaction transaction, int status) {
        try {
            transaction.sendResponse(messages.createResponse(status, transaction.getRequest()));
        } catch (ParseException | SipException | InvalidArgumentException e) {
            LOG.debug("could not answer {}: {}", status, e.toString());
        }
    }
}
