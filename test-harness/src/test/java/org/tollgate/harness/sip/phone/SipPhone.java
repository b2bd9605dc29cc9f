package org.tollgate.harness.sip.phone;

import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * An in-process SIP phone for tests: a real JAIN-SIP RI stack as the user agent on 127.0.0.1 (UDP,
 * ephemeral port) talking to a gateway, with real RTP ({@link PhoneRtp}).
 *
 * <ul>
 *   <li>{@link #register()} / {@link #register(String, String)}: REGISTER (RFC 3261 10.2), answering a
 *       401 challenge with digest (RFC 7616 / RFC 8760: SHA-256 or MD5, {@code qop=auth}).</li>
 *   <li>{@link #call}: INVITE with an SDP offer, ACK for the 2xx; {@link #callReplacing}: INVITE with
 *       {@code Replaces} (RFC 3891).</li>
 *   <li>Incoming INVITEs ring (180 at once) and wait for the test: {@link #awaitIncoming}, then
 *       {@link PhoneCall#answer} or {@link PhoneCall#refuse}. CANCEL → 200 + 487; BYE → 200.</li>
 *   <li>In a call: BYE / CANCEL ({@link PhoneCall#hangUp}), hold/resume by re-INVITE, REFER with and
 *       without Replaces (NOTIFYs recorded), DTMF by INFO; incoming re-INVITEs are answered with the
 *       direction mirrored.</li>
 * </ul>
 * Every wait has the ceiling {@link #WAIT}.
 */
public final class SipPhone implements SipListener, AutoCloseable {
    /** The ceiling of every wait for the gateway (not a timing assertion). */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String number;
    private final String gatewayHost;
    private final int gatewayPort;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final int port;
    private final AddressFactory addresses;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final Set<Thread> scanners;
    private final Map<String, PhoneCall> calls = new ConcurrentHashMap<>();
    private final BlockingQueue<PhoneCall> incoming = new LinkedBlockingQueue<>();
    private final Map<String, String> toTags = new ConcurrentHashMap<>();
    /** Call-ID of a REFER sent outside a dialog → the call it is about (its NOTIFYs are recorded there). */
    private final Map<String, PhoneCall> referSubscriptions = new ConcurrentHashMap<>();
    private final AtomicLong cseq = new AtomicLong(1);
    private final String registerCallId;

    private SipPhone(String number, InetSocketAddress gateway) throws Exception {
        this.number = number;
        this.gatewayHost = gateway.getHostString();
        this.gatewayPort = gateway.getPort();
        Set<Thread> before = eventScanners();
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "phone-" + number + "-" + System.nanoTime());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.tollgate.gateway.sip.internal.Slf4jStackLogger");
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "org.tollgate.gateway.sip.internal.Slf4jServerLogger");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        stack = new SipStackImpl(p);
        Set<Thread> after = eventScanners();
        after.removeAll(before);
        scanners = after;
        SipFactory f = SipFactory.getInstance();
        addresses = f.createAddressFactory();
        headers = f.createHeaderFactory();
        messages = f.createMessageFactory();
        ListeningPoint lp = null;
        for (int attempt = 0; lp == null; attempt++) {
            try {
                lp = stack.createListeningPoint("127.0.0.1", freeUdpPort(), ListeningPoint.UDP);
            } catch (javax.sip.InvalidArgumentException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
        port = lp.getPort();
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
        registerCallId = provider.getNewCallId().getCallId();
    }

    /** Starts a phone with {@code number} (its From/To/Contact user) using {@code gateway} as registrar and proxy. */
    public static SipPhone start(String number, InetSocketAddress gateway) throws Exception {
        return new SipPhone(number, gateway);
    }

    public String number() {
        return number;
    }

    /** The phone's SIP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    // ---- registration ----

    /** REGISTER without credentials; returns the final status. */
    public int register() {
        return register(Optional.empty(), 3600);
    }

    /** REGISTER, answering a digest challenge as {@code username}/{@code password}; returns the final status. */
    public int register(String username, String password) {
        return register(Optional.of(new String[] {username, password}), 3600);
    }

    /** REGISTER with {@code Expires: 0} (removes the binding); returns the final status. */
    public int unregister() {
        return register(Optional.empty(), 0);
    }

    private int register(Optional<String[]> credentials, int expires) {
        try {
            Response r = await(sendRegister(expires, Optional.empty()));
            if ((r.getStatusCode() == 401 || r.getStatusCode() == 407) && credentials.isPresent()) {
                AuthorizationHeader auth = answerChallenge(r, credentials.get()[0], credentials.get()[1]);
                r = await(sendRegister(expires, Optional.of(auth)));
            }
            return r.getStatusCode();
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<Response> sendRegister(int expires, Optional<AuthorizationHeader> auth)
            throws ParseException, SipException, javax.sip.InvalidArgumentException {
        SipURI registrar = addresses.createSipURI(null, gatewayHost);
        registrar.setPort(gatewayPort);
        SipURI aor = aor(number);
        Request reg = messages.createRequest(registrar, Request.REGISTER,
                headers.createCallIdHeader(registerCallId), headers.createCSeqHeader(cseq.getAndIncrement(), Request.REGISTER),
                headers.createFromHeader(addresses.createAddress(aor), tag()),
                headers.createToHeader(addresses.createAddress(aor), null), List.of(via()),
                headers.createMaxForwardsHeader(70));
        reg.addHeader(contact());
        reg.addHeader(headers.createExpiresHeader(expires));
        auth.ifPresent(reg::addHeader);
        return send(reg);
    }

    /** Digest response to the first challenge whose algorithm the phone supports (RFC 7616 3.4.1, qop=auth). */
    private AuthorizationHeader answerChallenge(Response challenge, String user, String password) throws ParseException {
        ListIterator<?> it = challenge.getHeaders(WWWAuthenticateHeader.NAME);
        while (it.hasNext()) {
            WWWAuthenticateHeader w = (WWWAuthenticateHeader) it.next();
            String alg = w.getAlgorithm() == null ? "MD5" : w.getAlgorithm();
            String jca = switch (alg.toUpperCase(java.util.Locale.ROOT)) {
                case "MD5" -> "MD5";
                case "SHA-256" -> "SHA-256";
                default -> null;
            };
            if (jca == null) {
                continue;
            }
            String uri = "sip:" + gatewayHost + ":" + gatewayPort;
            String cnonce = HexFormat.of().formatHex(RANDOM.generateSeed(8));
            String nc = "00000001";
            String ha1 = hash(jca, user + ":" + w.getRealm() + ":" + password);
            String ha2 = hash(jca, Request.REGISTER + ":" + uri);
            boolean qop = w.getQop() != null && w.getQop().contains("auth");
            String response = qop ? hash(jca, ha1 + ":" + w.getNonce() + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                    : hash(jca, ha1 + ":" + w.getNonce() + ":" + ha2);
            AuthorizationHeader a = headers.createAuthorizationHeader("Digest");
            a.setUsername(user);
            a.setRealm(w.getRealm());
            a.setNonce(w.getNonce());
            a.setURI(addresses.createURI(uri));
            a.setAlgorithm(alg);
            a.setResponse(response);
            if (qop) {
                a.setQop("auth");
                a.setCNonce(cnonce);
                a.setNonceCount(1);
            }
            return a;
        }
        throw new IllegalStateException("no supported digest challenge in " + challenge);
    }

    private static String hash(String jca, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- calls ----

    /** Places a call to {@code dialled} through the gateway (INVITE with the phone's SDP offer). */
    public PhoneCall call(String dialled) {
        return invite(dialled, Optional.empty());
    }

    /**
     * INVITE to {@code dialled} with {@code Replaces} (RFC 3891) naming a dialog of the gateway:
     * {@code replaced} is another phone's dialog with the gateway ({@link PhoneCall#dialogId()}).
     */
    public PhoneCall callReplacing(String dialled, PhoneCall.DialogId replaced) {
        return invite(dialled, Optional.of(replaced.replacesAtPeer()));
    }

    private PhoneCall invite(String dialled, Optional<String> replaces) {
        try {
            CallIdHeader cid = provider.getNewCallId();
            PhoneRtp rtp = new PhoneRtp(number);
            PhoneCall call = new PhoneCall(this, true, cid.getCallId(), rtp, dialled);
            SipURI target = aor(dialled);
            Request invite = messages.createRequest(target, Request.INVITE, cid,
                    headers.createCSeqHeader(1L, Request.INVITE),
                    headers.createFromHeader(addresses.createAddress(aor(number)), tag()),
                    headers.createToHeader(addresses.createAddress(aor(dialled)), null), List.of(via()),
                    headers.createMaxForwardsHeader(70));
            invite.addHeader(contact());
            if (replaces.isPresent()) {
                invite.addHeader(headers.createHeader("Replaces", replaces.get()));
                invite.addHeader(headers.createSupportedHeader("replaces"));
            }
            invite.setContent(PhoneSdp.describe(1, rtp.localPort(), PhoneSdp.Direction.SENDRECV, Optional.empty()),
                    headers.createContentTypeHeader("application", "sdp"));
            ClientTransaction ct = provider.getNewClientTransaction(invite);
            ct.setApplicationData(call);
            call.inviteCt = ct;
            call.dialog(ct.getDialog());
            calls.put(call.callId, call);
            ct.sendRequest();
            return call;
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a call offered to this phone (ringing); throws {@link AssertionError} at the ceiling. */
    public PhoneCall awaitIncoming() {
        return pollIncoming(WAIT).orElseThrow(() -> new AssertionError(number + ": no incoming call"));
    }

    /** A call offered to this phone within {@code max}, if any. */
    public Optional<PhoneCall> pollIncoming(Duration max) {
        try {
            return Optional.ofNullable(incoming.poll(max.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** True when a call was offered to this phone and not yet taken by {@link #awaitIncoming}. */
    public boolean hasIncoming() {
        return !incoming.isEmpty();
    }

    void answer(PhoneCall call) {
        PhoneSdp.Remote remote = PhoneSdp.read(call.remoteSdp()).orElseThrow(() -> new AssertionError("no offer"));
        respond(call, Response.OK, Optional.of(PhoneSdp.describe(call.nextSdpVersion(), call.rtp.localPort(),
                PhoneSdp.Direction.SENDRECV, Optional.of(remote.g711PayloadType()))));
        call.state(PhoneCall.State.CONFIRMED);
    }

    void refuse(PhoneCall call, int status) {
        respond(call, status, Optional.empty());
        call.state(PhoneCall.State.TERMINATED);
    }

    void redirect(PhoneCall call, String target) {
        try {
            Response r = messages.createResponse(Response.MOVED_TEMPORARILY, call.inviteSt.getRequest());
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(toTags.computeIfAbsent(call.callId, k -> tag()));
            r.addHeader(headers.createContactHeader(addresses.createAddress(aor(target))));
            call.inviteSt.sendResponse(r);
            call.status(Response.MOVED_TEMPORARILY);
            call.state(PhoneCall.State.TERMINATED);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private void respond(PhoneCall call, int status, Optional<String> sdp) {
        try {
            Response r = messages.createResponse(status, call.inviteSt.getRequest());
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(toTags.computeIfAbsent(call.callId, k -> tag()));
            r.addHeader(contact());
            if (sdp.isPresent()) {
                r.setContent(sdp.get(), headers.createContentTypeHeader("application", "sdp"));
            }
            call.inviteSt.sendResponse(r);
            call.dialog(call.inviteSt.getDialog());
            call.status(status);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    void hangUp(PhoneCall call) {
        switch (call.state()) {
            case CONFIRMED -> {
                inDialog(call, Request.BYE, r -> { });
                call.state(PhoneCall.State.TERMINATED);
            }
            case CALLING, EARLY -> {
                if (call.outgoing) {
                    try {
                        provider.getNewClientTransaction(call.inviteCt.createCancel()).sendRequest();
                    } catch (SipException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    refuse(call, Response.DECLINE);
                }
            }
            case TERMINATED -> { }
        }
    }

    int bye(PhoneCall call) {
        Response r = await(inDialog(call, Request.BYE, req -> { }));
        call.state(PhoneCall.State.TERMINATED);
        return r.getStatusCode();
    }

    void reInvite(PhoneCall call, PhoneSdp.Direction direction) {
        Response r = await(inDialog(call, Request.INVITE, req -> req.setContent(
                PhoneSdp.describe(call.nextSdpVersion(), call.rtp.localPort(), direction, Optional.empty()),
                headers.createContentTypeHeader("application", "sdp"))));
        if (r.getStatusCode() / 100 != 2) {
            throw new AssertionError("re-INVITE answered " + r.getStatusCode());
        }
        call.remoteSdp(body(r));
    }

    int refer(PhoneCall call, String target, Optional<String> replaces) {
        Response r = await(inDialog(call, Request.REFER, req -> {
            SipURI uri = aor(target);
            if (replaces.isPresent()) {
                uri.setHeader("Replaces", URLEncoder.encode(replaces.get(), StandardCharsets.UTF_8));
            }
            req.addHeader(headers.createReferToHeader(addresses.createAddress(uri)));
        }));
        return r.getStatusCode();
    }

    int referOutsideDialog(PhoneCall call, String target) {
        PhoneCall.DialogId id = call.dialogId();
        try {
            CallIdHeader cid = provider.getNewCallId();
            referSubscriptions.put(cid.getCallId(), call);
            Dialog d = call.dialog();
            SipURI gateway = addresses.createSipURI(null, gatewayHost);
            gateway.setPort(gatewayPort);
            Request refer = messages.createRequest(d.getRemoteTarget() != null ? d.getRemoteTarget().getURI() : gateway,
                    Request.REFER, cid, headers.createCSeqHeader(1L, Request.REFER),
                    headers.createFromHeader(addresses.createAddress(aor(number)), tag()),
                    headers.createToHeader(addresses.createAddress(gateway), null), List.of(via()),
                    headers.createMaxForwardsHeader(70));
            refer.addHeader(contact());
            refer.addHeader(headers.createReferToHeader(addresses.createAddress(aor(target))));
            refer.addHeader(headers.createHeader("Target-Dialog",
                    id.callId() + ";local-tag=" + id.localTag() + ";remote-tag=" + id.remoteTag()));
            refer.addHeader(headers.createSupportedHeader("tdialog"));
            return await(send(refer)).getStatusCode();
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    void info(PhoneCall call, String body) {
        Response r = await(inDialog(call, Request.INFO, req -> req.setContent(body,
                headers.createContentTypeHeader("application", "dtmf-relay"))));
        if (r.getStatusCode() != Response.OK) {
            throw new AssertionError("INFO answered " + r.getStatusCode() + " on " + call);
        }
    }

    @FunctionalInterface
    private interface Decorator {
        void decorate(Request r) throws ParseException, javax.sip.InvalidArgumentException;
    }

    private CompletableFuture<Response> inDialog(PhoneCall call, String method, Decorator decorator) {
        call.awaitDialog();
        Dialog d = call.dialog();
        if (d == null) {
            throw new IllegalStateException("no dialog for " + call);
        }
        try {
            Request r = d.createRequest(method);
            decorator.decorate(r);
            ClientTransaction ct = provider.getNewClientTransaction(r);
            CompletableFuture<Response> f = new CompletableFuture<>();
            ct.setApplicationData(f);
            d.sendRequest(ct);
            return f;
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<Response> send(Request r) throws SipException {
        ClientTransaction ct = provider.getNewClientTransaction(r);
        CompletableFuture<Response> f = new CompletableFuture<>();
        ct.setApplicationData(f);
        ct.sendRequest();
        return f;
    }

    private static Response await(CompletableFuture<Response> f) {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no final response: " + e);
        }
    }

    // ---- SipListener ----

    @Override public void processRequest(RequestEvent event) {
        Request req = event.getRequest();
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        PhoneCall call = calls.get(callId);
        try {
            switch (req.getMethod()) {
                case Request.ACK -> { }
                case Request.INVITE -> {
                    if (call == null) {
                        offered(event, callId);
                    } else {
                        answerReInvite(event, call);
                    }
                }
                case Request.BYE -> {
                    reply(event, Response.OK);
                    if (call != null) {
                        call.endedByPeer(req);
                    }
                }
                case Request.CANCEL -> {
                    reply(event, Response.OK);
                    if (call != null && call.finalStatus() == 0 && call.inviteSt != null) {
                        respond(call, Response.REQUEST_TERMINATED, Optional.empty());
                        call.endedByPeer(req);
                    }
                }
                case Request.NOTIFY -> {
                    reply(event, Response.OK);
                    EventHeader ev = (EventHeader) req.getHeader(EventHeader.NAME);
                    PhoneCall subscriber = call != null ? call : referSubscriptions.get(callId);
                    if (subscriber != null && ev != null && "refer".equalsIgnoreCase(ev.getEventType())) {
                        javax.sip.header.Header state = req.getHeader(javax.sip.header.SubscriptionStateHeader.NAME);
                        subscriber.referNotify(body(req), state instanceof javax.sip.header.SubscriptionStateHeader h
                                ? h.getState() : "");
                    }
                }
                case Request.INFO -> {
                    reply(event, Response.OK);
                    if (call != null) {
                        call.info(body(req));
                    }
                }
                case Request.OPTIONS -> reply(event, Response.OK);
                default -> reply(event, Response.METHOD_NOT_ALLOWED);
            }
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SipPhone.class).warn("phone {}: {} failed", number, req.getMethod(), e);
        }
    }

    private void offered(RequestEvent event, String callId) {
        Request req = event.getRequest();
        try {
            ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : provider.getNewServerTransaction(req);
            String from = ((FromHeader) req.getHeader(FromHeader.NAME)).getAddress().getURI() instanceof SipURI u
                    && u.getUser() != null ? u.getUser() : "";
            PhoneCall call = new PhoneCall(this, false, callId, new PhoneRtp(number), from);
            call.inviteSt = st;
            calls.put(callId, call);
            call.remoteSdp(body(req));
            respond(call, Response.RINGING, Optional.empty());
            call.state(PhoneCall.State.EARLY);
            incoming.add(call);
        } catch (SipException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A re-INVITE: 200 with the direction mirrored (RFC 3264 8.4), or our offer when it has no SDP. */
    private void answerReInvite(RequestEvent event, PhoneCall call) {
        Request req = event.getRequest();
        String offer = body(req);
        PhoneSdp.Direction dir = PhoneSdp.Direction.SENDRECV;
        Optional<Integer> pt = Optional.empty();
        if (!offer.isEmpty()) {
            call.remoteSdp(offer);
            Optional<PhoneSdp.Remote> remote = PhoneSdp.read(offer);
            pt = remote.map(PhoneSdp.Remote::g711PayloadType);
            dir = remote.map(r -> switch (r.direction()) {
                case SENDONLY -> PhoneSdp.Direction.RECVONLY;
                case RECVONLY -> PhoneSdp.Direction.SENDONLY;
                case INACTIVE -> PhoneSdp.Direction.INACTIVE;
                case SENDRECV -> PhoneSdp.Direction.SENDRECV;
            }).orElse(PhoneSdp.Direction.SENDRECV);
        }
        String sdp = PhoneSdp.describe(call.nextSdpVersion(), call.rtp.localPort(), dir, pt);
        try {
            ServerTransaction st = serverTx(event);
            Response r = messages.createResponse(Response.OK, req);
            r.addHeader(contact());
            r.setContent(sdp, headers.createContentTypeHeader("application", "sdp"));
            st.sendResponse(r);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reply(RequestEvent event, int status) {
        try {
            ServerTransaction st = serverTx(event);
            st.sendResponse(messages.createResponse(status, event.getRequest()));
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private ServerTransaction serverTx(RequestEvent event) throws SipException {
        return event.getServerTransaction() != null ? event.getServerTransaction()
                : provider.getNewServerTransaction(event.getRequest());
    }

    @Override public void processResponse(ResponseEvent event) {
        Response r = event.getResponse();
        CSeqHeader cseqH = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            if (Request.INVITE.equals(cseqH.getMethod()) && r.getStatusCode() / 100 == 2 && event.getDialog() != null) {
                ack(event.getDialog(), cseqH.getSeqNumber()); // 2xx retransmission
            }
            return;
        }
        Object app = ct.getApplicationData();
        if (app instanceof PhoneCall call) {
            int status = r.getStatusCode();
            call.status(status);
            call.dialog(event.getDialog());
            if (status < 200) {
                call.remoteSdp(body(r));
                if (status > 100) {
                    call.state(PhoneCall.State.EARLY);
                }
            } else if (status < 300) {
                ack(event.getDialog() != null ? event.getDialog() : ct.getDialog(), cseqH.getSeqNumber());
                call.remoteSdp(body(r));
                call.state(PhoneCall.State.CONFIRMED);
            } else {
                call.state(PhoneCall.State.TERMINATED);
            }
        } else if (app instanceof CompletableFuture<?> f && r.getStatusCode() >= 200) {
            if (Request.INVITE.equals(cseqH.getMethod()) && r.getStatusCode() / 100 == 2) {
                ack(event.getDialog() != null ? event.getDialog() : ct.getDialog(), cseqH.getSeqNumber());
            }
            @SuppressWarnings("unchecked")
            CompletableFuture<Response> fr = (CompletableFuture<Response>) f;
            fr.complete(r);
        }
    }

    private void ack(Dialog d, long seq) {
        if (d == null) {
            return;
        }
        try {
            d.sendAck(d.createAck(seq));
        } catch (SipException | javax.sip.InvalidArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(SipPhone.class).debug("ACK failed: {}", e.toString());
        }
    }

    @Override public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Object app = event.getClientTransaction().getApplicationData();
        if (app instanceof PhoneCall call) {
            call.status(Response.REQUEST_TIMEOUT);
            call.state(PhoneCall.State.TERMINATED);
        } else if (app instanceof CompletableFuture<?> f) {
            f.completeExceptionally(new TimeoutException("no response"));
        }
    }

    @Override public void processIOException(IOExceptionEvent event) {
    }

    @Override public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    // ---- helpers ----

    private SipURI aor(String user) {
        try {
            SipURI u = addresses.createSipURI(user, gatewayHost);
            u.setPort(gatewayPort);
            return u;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ViaHeader via() throws ParseException, javax.sip.InvalidArgumentException {
        return headers.createViaHeader("127.0.0.1", port, "udp", null);
    }

    private ContactHeader contact() throws ParseException {
        SipURI u = addresses.createSipURI(number, "127.0.0.1");
        u.setPort(port);
        return headers.createContactHeader(addresses.createAddress(u));
    }

    private static String tag() {
        return HexFormat.of().formatHex(RANDOM.generateSeed(4));
    }

    static String body(javax.sip.message.Message m) {
        byte[] raw = m.getRawContent();
        return raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    }

    static boolean poll(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Set<Thread> eventScanners() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && "EventScannerThread".equals(t.getName()))
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    /** Stops the stack (interrupting the RI's event scanner, see {@code docs/sip.md}) and every call's media. */
    @Override public void close() {
        calls.values().forEach(c -> c.rtp.close());
        stack.stop();
        scanners.forEach(Thread::interrupt);
    }

    @Override public String toString() {
        return "phone " + number + " at 127.0.0.1:" + port;
    }
}
