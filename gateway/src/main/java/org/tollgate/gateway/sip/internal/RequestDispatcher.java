package org.tollgate.gateway.sip.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.AcceptHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.gateway.sip.SipCallHandler;
import org.tollgate.gateway.sip.SipServer;
import org.tollgate.gateway.sip.auth.DigestChallenge;
import org.tollgate.gateway.sip.dtmf.CiscoNotifyDtmf;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.dtmf.DtmfDecodeResult;
import org.tollgate.gateway.sip.dtmf.KpmlDtmf;
import org.tollgate.gateway.sip.dtmf.SipInfoDtmf;
import org.tollgate.gateway.sip.registrar.Binding;
import org.tollgate.gateway.sip.registrar.RegisterOutcome;
import org.tollgate.gateway.sip.registrar.Registrar;

/**
 * The UAS request pipeline, in the order of RFC 3261 section 8.2: method (405/501), Request-URI
 * scheme (416), Require (420), then per method: OPTIONS (200, section 11.2), REGISTER (the
 * registrar), INVITE (Accept 406, content type 415, then the call handler), INFO/NOTIFY DTMF, and
 * in-dialog requests to the call handler.
 */
public final class RequestDispatcher implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    /** Methods the gateway implements, for {@code Allow}. */
    public static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, INFO, NOTIFY, REFER, SUBSCRIBE";
    /** Event packages the gateway takes subscriptions for (RFC 6665 {@code Allow-Events}). */
    public static final String ALLOW_EVENTS = KpmlDtmf.EVENT;
    private static final Set<String> IMPLEMENTED = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "INFO", "NOTIFY", "REFER", "SUBSCRIBE");
    private static final Set<String> KNOWN_NOT_ALLOWED = Set.of("MESSAGE", "PUBLISH", "PRACK", "UPDATE");
    private static final Set<String> URI_SCHEMES = Set.of("sip", "sips", "tel");

    private final SipServer server;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Registrar registrar;
    private final SipCallHandler callHandler;

    /** Wires the pipeline; called by {@link SipServer}. */
    public RequestDispatcher(SipServer server, SipProvider provider, HeaderFactory headers, MessageFactory messages,
            Registrar registrar, SipCallHandler callHandler) {
        this.server = server;
        this.provider = provider;
        this.headers = headers;
        this.messages = messages;
        this.registrar = registrar;
        this.callHandler = callHandler;
    }

    @Override public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            if (event.getDialog() != null) {
                callHandler.onInDialogRequest(event, null);
            }
            return;
        }
        ServerTransaction tx = event.getServerTransaction();
        if (tx == null) {
            try {
                tx = provider.getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException e) {
                return; // a retransmission the transaction layer already absorbs
            } catch (TransactionUnavailableException e) {
                LOG.debug("no server transaction for {}: {}", method, e.getMessage());
                try {
                    Response bad = messages.createResponse(Response.BAD_REQUEST, request);
                    provider.sendResponse(bad); // stateless: the request cannot have a transaction
                } catch (ParseException | SipException | RuntimeException ex) {
                    LOG.debug("could not answer {} statelessly: {}", method, ex.toString());
                }
                return;
            }
        }
        if (!IMPLEMENTED.contains(method)) {
            respond(tx, KNOWN_NOT_ALLOWED.contains(method) ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED,
                    r -> r.addHeader(headers.createAllowHeader(ALLOW)));
            return;
        }
        String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
        if (!URI_SCHEMES.contains(scheme)) {
            respond(tx, Response.UNSUPPORTED_URI_SCHEME, r -> { });
            return;
        }
        if (!Request.CANCEL.equals(method)) {
            List<String> unsupported = requiredOptions(request);
            if (!unsupported.isEmpty()) {
                respond(tx, Response.BAD_EXTENSION,
                        r -> r.addHeader(headers.createUnsupportedHeader(String.join(", ", unsupported))));
                return;
            }
        }
        boolean inDialog = event.getDialog() != null && hasToTag(request);
        switch (method) {
            case Request.OPTIONS -> respond(tx, Response.OK, this::addCapabilities);
            case Request.REGISTER -> register(tx, request);
            case Request.INVITE -> {
                if (inDialog) {
                    callHandler.onInDialogRequest(event, tx);
                } else {
                    invite(event, tx, request);
                }
            }
            case Request.INFO -> digits(event, tx, inDialog, dtmfOfInfo(request));
            case Request.NOTIFY -> notify(event, tx, inDialog, request);
            case Request.SUBSCRIBE -> subscribe(event, tx, inDialog, request);
            default -> callHandler.onInDialogRequest(event, tx); // BYE, CANCEL, REFER
        }
    }

    private void invite(RequestEvent event, ServerTransaction tx, Request request) {
        if (!acceptsSdp(request)) {
            respond(tx, Response.NOT_ACCEPTABLE, r -> r.addHeader(headers.createWarningHeader("tollgate", 399,
                    "Accept does not allow application/sdp")));
            return;
        }
        ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (request.getRawContent() != null && request.getRawContent().length > 0 && ct != null
                && !isSdpOrMultipart(ct)) {
            respond(tx, Response.UNSUPPORTED_MEDIA_TYPE, r -> r.addHeader(headers.createAcceptHeader("application", "sdp")));
            return;
        }
        server.callSetupStarted(tx);
        callHandler.onInvite(event, tx);
    }

    private void notify(RequestEvent event, ServerTransaction tx, boolean inDialog, Request request) {
        EventHeader ev = (EventHeader) request.getHeader(EventHeader.NAME);
        String pkg = ev == null ? "" : ev.getEventType().toLowerCase(Locale.ROOT);
        DtmfDecodeResult decoded;
        if (pkg.equals(CiscoNotifyDtmf.EVENT)) {
            decoded = CiscoNotifyDtmf.decode(request.getRawContent());
        } else if (pkg.equals(KpmlDtmf.EVENT)) {
            if (inDialog && request.getHeader(SubscriptionStateHeader.NAME) instanceof SubscriptionStateHeader st) {
                callHandler.onKpmlSubscriptionState(event.getDialog(),
                        SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(st.getState()), st.getExpires());
            }
            byte[] body = request.getRawContent();
            // the first NOTIFY of a subscription, and the final one, may have no body (RFC 6665 4.2.1.2)
            decoded = body == null || body.length == 0 ? new DtmfDecodeResult.Decoded(List.of())
                    : KpmlDtmf.decodeResponse(new String(body, StandardCharsets.UTF_8));
        } else {
            respond(tx, Response.BAD_EVENT, r -> { });
            return;
        }
        digits(event, tx, inDialog, decoded);
    }

    /**
     * SUBSCRIBE: only KPML (RFC 4730) inside a call's dialog, handed to the call handler; another
     * package gets 489 with {@code Allow-Events} (RFC 6665 section 4.2.1.1), KPML outside a dialog 481.
     */
    private void subscribe(RequestEvent event, ServerTransaction tx, boolean inDialog, Request request) {
        EventHeader ev = (EventHeader) request.getHeader(EventHeader.NAME);
        String pkg = ev == null ? "" : ev.getEventType().toLowerCase(Locale.ROOT);
        if (!pkg.equals(KpmlDtmf.EVENT)) {
            respond(tx, Response.BAD_EVENT, r -> r.addHeader(headers.createAllowEventsHeader(ALLOW_EVENTS)));
        } else if (!inDialog) {
            respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
        } else {
            callHandler.onInDialogRequest(event, tx);
        }
    }

    private DtmfDecodeResult dtmfOfInfo(Request request) {
        ContentTypeHeader ct = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        byte[] body = request.getRawContent();
        String type = ct == null ? "" : ct.getContentType() + "/" + ct.getContentSubType();
        return SipInfoDtmf.decode(type, body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    private void digits(RequestEvent event, ServerTransaction tx, boolean inDialog, DtmfDecodeResult decoded) {
        if (!inDialog) {
            respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
            return;
        }
        switch (decoded) {
            case DtmfDecodeResult.Decoded d -> {
                Dialog dialog = event.getDialog();
                for (DigitEvent digit : d.digits()) {
                    callHandler.onDigit(dialog, digit);
                }
                respond(tx, Response.OK, r -> { });
            }
            case DtmfDecodeResult.Invalid invalid -> {
                LOG.debug("bad DTMF body: {} at {}:{}", invalid.reason(), invalid.line(), invalid.column());
                respond(tx, Response.UNSUPPORTED_MEDIA_TYPE, r -> r.addHeader(
                        headers.createAcceptHeader("application", "dtmf-relay")));
            }
        }
    }

    private void register(ServerTransaction tx, Request request) {
        RegisterOutcome outcome = registrar.register(SipRequests.registerRequest(request));
        switch (outcome) {
            case RegisterOutcome.Registered ok -> respond(tx, Response.OK, r -> {
                java.time.Instant now = java.time.Instant.now();
                for (Binding b : ok.bindings()) {
                    ContactHeader c = (ContactHeader) headers.createHeader(ContactHeader.NAME, b.contact());
                    c.setExpires((int) Math.min(Integer.MAX_VALUE, b.secondsLeft(now)));
                    r.addHeader(c);
                }
                r.addHeader(headers.createDateHeader(java.util.Calendar.getInstance()));
            });
            case RegisterOutcome.Challenge ch -> respond(tx, Response.UNAUTHORIZED, r -> {
                for (DigestChallenge c : ch.challenges()) {
                    r.addHeader(headers.createHeader("WWW-Authenticate", c.headerValue()));
                }
            });
            case RegisterOutcome.IntervalTooBrief brief -> respond(tx, Response.INTERVAL_TOO_BRIEF,
                    r -> r.addHeader(headers.createMinExpiresHeader((int) brief.minExpires())));
            case RegisterOutcome.Rejected rej -> respond(tx, rej.status(), r -> r.setReasonPhrase(rej.reason()));
        }
    }

    private void addCapabilities(Response r) throws ParseException, InvalidArgumentException {
        r.addHeader(headers.createAllowHeader(ALLOW));
        r.addHeader(headers.createAcceptHeader("application", "sdp"));
        r.addHeader(headers.createAcceptHeader("application", "dtmf-relay"));
        r.addHeader(headers.createHeader("Supported", String.join(", ", SUPPORTED)));
        r.addHeader(headers.createAllowEventsHeader(ALLOW_EVENTS));
    }

    private static boolean hasToTag(Request request) {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    /** Option tags of {@code Require} the gateway does not support (all but {@code timer}, RFC 4028). */
    private static List<String> requiredOptions(Request request) {
        List<String> out = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!SUPPORTED.contains(tag.trim().toLowerCase(Locale.ROOT))) {
                out.add(tag);
            }
        }
        return out;
    }

    /** Option tags the gateway supports ({@code Supported}). */
    private static final Set<String> SUPPORTED = Set.of("timer");

    private static boolean acceptsSdp(Request request) {
        ListIterator<?> it = request.getHeaders(AcceptHeader.NAME);
        if (it == null || !it.hasNext()) {
            return true;
        }
        while (it.hasNext()) {
            AcceptHeader a = (AcceptHeader) it.next();
            String type = a.getContentType() == null ? "" : a.getContentType().toLowerCase(Locale.ROOT);
            String sub = a.getContentSubType() == null ? "" : a.getContentSubType().toLowerCase(Locale.ROOT);
            if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSdpOrMultipart(ContentTypeHeader ct) {
        String type = ct.getContentType().toLowerCase(Locale.ROOT);
        String sub = ct.getContentSubType().toLowerCase(Locale.ROOT);
        return (type.equals("application") && sub.equals("sdp")) || type.equals("multipart");
    }

    /** Adds headers to a response; may fail on a header the factory cannot build. */
    @FunctionalInterface
    private interface Decorator {
        void decorate(Response response) throws ParseException, InvalidArgumentException;
    }

    private void respond(ServerTransaction tx, int status, Decorator decorator) {
        try {
            Response response = messages.createResponse(status, tx.getRequest());
            decorator.decorate(response);
            tx.sendResponse(response);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            LOG.debug("could not send {} to {}: {}", status, tx.getRequest().getMethod(), e.toString());
        }
    }

    @Override public void processResponse(ResponseEvent event) {
        // responses of the gateway's own client transactions (and 2xx retransmissions) belong to the B2BUA
        callHandler.onResponse(event);
    }

    @Override public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            server.callSetupFinished(event.getServerTransaction());
            callHandler.onServerTransactionTimeout(event.getServerTransaction());
        } else {
            callHandler.onClientTransactionTimeout(event.getClientTransaction());
        }
    }

    @Override public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (event.isServerTransaction()) {
            server.callSetupFinished(event.getServerTransaction());
        }
    }

    @Override public void processDialogTerminated(DialogTerminatedEvent event) {
        callHandler.onDialogTerminated(event.getDialog());
    }
}
