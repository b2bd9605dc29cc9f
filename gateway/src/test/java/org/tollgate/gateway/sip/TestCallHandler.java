package org.tollgate.gateway.sip;

import java.text.ParseException;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * A call handler for tests: INVITE to user {@code dialog} is answered 200 with an SDP answer (a
 * dialog the tests keep), BYE in that dialog 200; everything else goes to {@link UnroutedCallHandler}.
 */
final class TestCallHandler implements SipCallHandler {
    final List<DigitEvent> digits = new CopyOnWriteArrayList<>();
    private UnroutedCallHandler fallback;
    private SipServer server;
    private final MessageFactory messages;
    private final HeaderFactory headers;

    TestCallHandler() throws Exception {
        messages = SipFactory.getInstance().createMessageFactory();
        headers = SipFactory.getInstance().createHeaderFactory();
    }

    void attach(SipTestServer s) {
        this.server = s.server;
        this.fallback = new UnroutedCallHandler(s.directory, s.bindings);
        fallback.attach(s.server);
    }

    @Override public void onInvite(RequestEvent event, ServerTransaction transaction) {
        Request request = event.getRequest();
        if (!(request.getRequestURI() instanceof SipURI sip) || !"dialog".equals(sip.getUser())) {
            fallback.onInvite(event, transaction);
            return;
        }
        try {
            Response ok = messages.createResponse(Response.OK, request);
            ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag("gw-tag-1");
            ContactHeader contact = (ContactHeader) headers.createHeader(ContactHeader.NAME,
                    "<sip:dialog@127.0.0.1:" + server.port() + ">");
            ok.addHeader(contact);
            SdpNegotiator.LocalMedia local = new SdpNegotiator.LocalMedia(7, 1, "127.0.0.1", 30000,
                    List.of(SdpNegotiator.Codec.PCMU, SdpNegotiator.Codec.PCMA), OptionalInt.of(101),
                    SdpNegotiator.Direction.SENDRECV);
            String offer = new String(request.getRawContent(), java.nio.charset.StandardCharsets.UTF_8);
            if (SdpNegotiator.answer(offer, local) instanceof SdpNegotiator.Negotiation.Agreed agreed) {
                ok.setContent(agreed.answerSdp(), headers.createContentTypeHeader("application", "sdp"));
            }
            transaction.sendResponse(ok);
        } catch (ParseException | SipException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        } finally {
            server.callSetupFinished(transaction);
        }
    }

    @Override public void onInDialogRequest(RequestEvent event, ServerTransaction transaction) {
        if (transaction == null) {
            return;
        }
        try {
            transaction.sendResponse(messages.createResponse(
                    Request.BYE.equals(event.getRequest().getMethod()) ? Response.OK
                            : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, event.getRequest()));
        } catch (ParseException | SipException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override public void onDigit(Dialog dialog, DigitEvent digit) {
        digits.add(digit);
    }
}
