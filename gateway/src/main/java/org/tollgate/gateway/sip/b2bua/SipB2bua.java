package org.tollgate.gateway.sip.b2bua;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.adapter.EndpointDirectory;
import org.tollgate.callcontrol.call.Caller;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.engine.CallControl;
import org.tollgate.callcontrol.engine.IncomingCall;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegFactory;
import org.tollgate.callcontrol.leg.OutgoingLegRequest;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.config.GatewayConfig;
import org.tollgate.dsp.rtp.Codec;
import org.tollgate.dsp.rtp.RtpEngine;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.StreamOptions;
import org.tollgate.gateway.sip.SipCallHandler;
import org.tollgate.gateway.sip.SipServer;
import org.tollgate.gateway.sip.config.SipConfiguration;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.registrar.Binding;
import org.tollgate.gateway.sip.registrar.BindingRegistry;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * The back-to-back user agent: the {@link SipCallHandler} that turns INVITEs into calls of
 * {@link CallControl}, and the {@link LegFactory} for outgoing SIP legs (voip dial-peers with
 * {@code session target ipv4:A[:P]}, and phone lines reached at their registered contact).
 *
 * <p>Every call has an incoming and an outgoing dialog with their own Call-IDs; each leg has its own
 * RTP stream on the gateway ({@code dsp} {@link RtpEngine}), bridged by relaying packets. The
 * caller is identified as {@code EndpointDirectory.byNumber(config, From user)} (a registered SIP
 * phone or ephone line with its LPCOR group) or else as a trunk call whose {@code lpcor incoming}
 * group comes from the inbound voip dial-peer ({@code EndpointDirectory.inboundGroup}).
 *
 * <p>Wiring: construct, {@link #attach} the running {@link SipServer} and the {@link CallControl},
 * hand {@link #legFactory()} to call control for voip peers and phone lines.
 */
public final class SipB2bua implements SipCallHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SipB2bua.class);

    /**
     * B2BUA settings.
     *
     * @param mediaAddress the gateway's address written into SDP and Contact when the SIP server is
     *                     bound to the wildcard address (default: the host's first non-loopback IPv4
     *                     address, else 127.0.0.1); with a specific bind address that address is used
     * @param codecs offered / accepted codecs, preferred first (default PCMU, PCMA)
     * @param digitMillis duration of digits sent to a leg (RFC 4733 or INFO), default 100 ms
     */
    public record Settings(Optional<String> mediaAddress, List<SdpNegotiator.Codec> codecs, int digitMillis) {
        public Settings {
            Objects.requireNonNull(mediaAddress, "mediaAddress");
            codecs = List.copyOf(codecs);
            if (codecs.isEmpty() || digitMillis < 40) {
                throw new IllegalArgumentException("need a codec and digits of at least 40 ms");
            }
        }

        /** The defaults. */
        public static Settings defaults() {
            return new Settings(Optional.empty(), List.of(SdpNegotiator.Codec.PCMU, SdpNegotiator.Codec.PCMA), 100);
        }

        /** These settings with {@code address} for SDP/Contact. */
        public Settings withMediaAddress(String address) {
            return new Settings(Optional.of(address), codecs, digitMillis);
        }
    }

    /** Turns a prompt URL into 8 kHz PCM (empty when the prompt is missing). */
    @FunctionalInterface
    public interface PromptLoader {
        short[] load(String url);
    }

    private final Settings settings;
    private volatile BindingRegistry bindings = new BindingRegistry(java.time.Clock.systemUTC());
    private final Supplier<GatewayConfig> config;
    private final RtpEngine rtp;
    private final PromptLoader prompts;
    private final SipMessages messages = new SipMessages();
    private final Map<String, SipLeg> legs = new ConcurrentHashMap<>();
    private final AtomicLong sessionIds = new AtomicLong(System.currentTimeMillis() / 1000);
    private final SecureRandom random = new SecureRandom();
    private volatile SipServer server;
    private volatile CallControl calls;

    /**
     * @param config the running configuration (callers' endpoints and inbound dial-peers)
     * @param rtp the RTP engine the legs' streams are opened on
     * @param prompts prompt audio for early media
     */
    public SipB2bua(Settings settings, Supplier<GatewayConfig> config, RtpEngine rtp, PromptLoader prompts) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.config = Objects.requireNonNull(config, "config");
        this.rtp = Objects.requireNonNull(rtp, "rtp");
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /**
     * Connects the running server (for sending and overload accounting), the registrar's location
     * service (phone lines are called at their registered contacts) and the call engine.
     */
    public void attach(SipServer sipServer, BindingRegistry registrations, CallControl callControl) {
        this.bindings = Objects.requireNonNull(registrations, "registrations");
        this.server = Objects.requireNonNull(sipServer, "sipServer");
        this.calls = Objects.requireNonNull(callControl, "callControl");
    }

    /** The factory for outgoing SIP legs (voip dial-peers and phone lines). */
    public LegFactory legFactory() {
        return this::createLeg;
    }

    /** SIP legs alive now (incoming and outgoing). */
    public int activeLegs() {
        return legs.size();
    }

    // ---- incoming calls ----

    @Override public void onInvite(RequestEvent event, ServerTransaction tx) {
        Request req = event.getRequest();
        CallControl cc = calls;
        if (cc == null || server == null) {
            reject(tx, Response.SERVICE_UNAVAILABLE);
            return;
        }
        messages.respond(tx, Response.TRYING, r -> { });
        String called = req.getRequestURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
        FromHeader fromH = (FromHeader) req.getHeader(FromHeader.NAME);
        String calling = fromH.getAddress().getURI() instanceof SipURI fu && fu.getUser() != null ? fu.getUser() : "";
        String display = fromH.getAddress().getDisplayName();
        String offer = SipMessages.body(req);
        if (offer.isEmpty()) {
            reject(tx, Response.NOT_ACCEPTABLE_HERE); // offerless INVITE (RFC 3261 13.2.1 delayed offer) not supported
            return;
        }
        SessionTimer.Negotiation sessionTimer = negotiateSessionTimer(req);
        if (sessionTimer instanceof SessionTimer.Negotiation.TooSmall small) {
            messages.respond(tx, 422, r -> r.addHeader(messages.headers.createHeader("Min-SE",
                    Integer.toString(small.minSe())))); // RFC 4028 section 9: Session Interval Too Small
            setupFinished(tx);
            return;
        }
        SipConfiguration.InboundSource source = SipConfiguration.inboundSource(config.get(), calling, called);
        LegMedia media = LegMedia.of(source.dtmfRelay(), source.codec(), settings.codecs());
        SdpNegotiator.LocalMedia probe = new SdpNegotiator.LocalMedia(0, 1, mediaAddress(), 9, media.codecs(),
                media.telephoneEventPt(), SdpNegotiator.Direction.SENDRECV);
        if (!(SdpNegotiator.answer(offer, probe) instanceof SdpNegotiator.Negotiation.Agreed first)) {
            reject(tx, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        RtpStream stream;
        try {
            stream = rtp.open(streamOptions(first.selection()));
        } catch (IOException e) {
            LOG.warn("no RTP port for an incoming call: {}", e.toString());
            reject(tx, Response.SERVICE_UNAVAILABLE);
            return;
        }
        String callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<SipLeg> replaced = Optional.empty();
        javax.sip.header.Header replacesHeader = req.getHeader(Replaces.HEADER);
        if (replacesHeader != null) {
            switch (Replaces.match(Replaces.valueOf(replacesHeader), this::leg)) {
                case Replaces.Match.Found f -> replaced = Optional.of(f.leg());
                case Replaces.Match.Refuse r -> {
                    LOG.info("INVITE {} with Replaces refused {}: {}", callId, r.status(), r.reason());
                    stream.close();
                    reject(tx, r.status());
                    return;
                }
            }
        }
        SdpNegotiator.LocalMedia local = new SdpNegotiator.LocalMedia(nextSessionId(), 1, mediaAddress(),
                stream.localPort(), media.codecs(), media.telephoneEventPt(),
                SdpNegotiator.Direction.SENDRECV);
        SdpNegotiator.Negotiation.Agreed agreed = (SdpNegotiator.Negotiation.Agreed) SdpNegotiator.answer(offer, local);
        if (FocusLeg.isFactory(called)) { // RFC 4579 conference factory URI: the gateway answers as the focus
            FocusLeg focus = new FocusLeg(this, stream, tx, callId, agreed.answerSdp(), agreed.selection(), media);
            legs.put(callId, focus);
            focus.open();
            return;
        }
        InboundLeg leg = new InboundLeg(this, stream, tx, callId, agreed.answerSdp(), agreed.selection(), called,
                media);
        leg.sessionTimer(sessionTimer);
        legs.put(callId, leg);
        Caller caller = callerOf(calling, display, called);
        EndpointDirectory.byNumber(config.get(), calling).ifPresent(e -> leg.party(caller));
        if (replaced.isPresent()) {
            replace(leg, caller, replaced.get());
            return;
        }
        LOG.debug("INVITE {} from {} to {} ({})", callId, calling, called, caller.endpoint());
        IncomingCall call = cc.startCall(caller, leg, Optional.of(called));
        leg.placeInitially(call.ref(), org.tollgate.callcontrol.feature.Side.CALLER);
        leg.bind(call.events());
    }

    /**
     * INVITE with {@code Replaces} (RFC 3891) naming a live dialog of the gateway: the new dialog takes
     * the replaced one's place.
     * <ul>
     *   <li>A confirmed dialog: the new party joins the replaced party's peer at once
     *       ({@code FeatureService.replace}, attended transfer completed from the target's side); the
     *       replaced dialog gets BYE. No FAC is asked. Refused by call control (the call is not
     *       connected) → 403.</li>
     *   <li>An early dialog the gateway initiated (a phone ringing with a call): directed pickup of
     *       exactly that dialog's call ({@code FeatureService.pickup(call, ...)}: the ringing leg is
     *       cancelled, the caller is connected to the new party, no FAC), not of whichever call rings
     *       longest at that number; the call no longer ringing → 481.</li>
     * </ul>
     * Refusals are answered before the call starts (see {@link Replaces#match}).
     */
    private void replace(InboundLeg leg, Caller newParty, SipLeg replaced) {
        CallControl cc = calls;
        org.tollgate.callcontrol.call.CallRef call = replaced.callRef();
        if (!replaced.confirmed()) {
            LOG.info("INVITE {} with Replaces of the early dialog {}: directed pickup of {} by {}", leg.callId(),
                    replaced.callId(), call, newParty.number());
            cc.features().pickup(call, newParty, leg, leg::bind).thenAccept(o -> {
                switch (o) {
                    case org.tollgate.callcontrol.feature.FeatureOutcome.Done d ->
                            LOG.debug("pickup of {} done: new call {}", replaced.callId(), d.call());
                    case org.tollgate.callcontrol.feature.FeatureOutcome.Refused r -> {
                        LOG.info("pickup of {} refused: {}", replaced.callId(), r.reason());
                        leg.refuse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                    }
                }
            });
            return;
        }
        LOG.info("INVITE {} with Replaces of {}: {} takes its place in {}", leg.callId(), replaced.callId(),
                newParty.number(), call);
        cc.features().replace(call, replaced.side(), newParty, leg, leg::bind).thenAccept(o -> {
            switch (o) {
                case org.tollgate.callcontrol.feature.FeatureOutcome.Done d ->
                        LOG.debug("Replaces of {} done: new call {}", replaced.callId(), d.call());
                case org.tollgate.callcontrol.feature.FeatureOutcome.Refused r -> {
                    LOG.info("Replaces of {} refused: {}", replaced.callId(), r.reason());
                    leg.refuse(Response.FORBIDDEN);
                }
            }
        });
    }

    /** The calling endpoint: a configured phone line by number, else a trunk call with the inbound voip peer's group. */
    Caller callerOf(String calling, String display, String called) {
        GatewayConfig c = config.get();
        return EndpointDirectory.byNumber(c, calling)
                .map(e -> new Caller(e.caller().endpoint(), calling,
                        display == null || display.isEmpty() ? e.displayName() : display, e.lpcorIncoming()))
                .orElseGet(() -> new Caller("sip", calling, display,
                        EndpointDirectory.inboundGroup(c, true, called, calling)));
    }

    /** RFC 4028 section 9 for an INVITE ({@link SessionTimer#negotiate(Request, SessionTimer.Settings)}). */
    SessionTimer.Negotiation negotiateSessionTimer(Request req) {
        return SessionTimer.negotiate(req, sessionTimers);
    }

    /** Session timer settings (RFC 4028): Min-SE 90 s, 1800 s asked of callers that support timers. */
    private final SessionTimer.Settings sessionTimers = SessionTimer.Settings.defaults();

    private void reject(ServerTransaction tx, int status) {
        messages.respond(tx, status, r -> { });
        setupFinished(tx);
    }

    @Override public void onInDialogRequest(RequestEvent event, ServerTransaction tx) {
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        SipLeg leg = legs.get(callId);
        if (leg == null && Request.REFER.equals(event.getRequest().getMethod()) && tx != null
                && event.getRequest().getHeader(TargetDialog.HEADER) != null) {
            referOutsideDialog(event.getRequest(), tx);
            return;
        }
        if (leg == null) {
            LOG.debug("{} for no known leg ({})", event.getRequest().getMethod(), callId);
            if (tx != null) {
                messages.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
            }
            return;
        }
        leg.onRequest(event, tx);
    }

    /**
     * REFER outside any dialog with {@code Target-Dialog} (RFC 4538) naming the early dialog of a call
     * the gateway offers to a phone: the ringing phone forwards the call to the Refer-To number. This
     * is the seed's "SIP NOTIFY-triggered new call" in a forward: the caller is re-routed in a new
     * attempt without its FAC ({@code FeatureService.redirect(call, number, true)}) and asked again
     * when caller→number needs one; call control then cancels the ringing leg. Answered 202 (which
     * creates the subscription's dialog), then NOTIFY {@code 100 Trying} and the final outcome of the
     * new call in it ({@link ReferProgress}: 200 when the target answers, else the mapped failure).
     * No matching early dialog → 481; a confirmed one (use a REFER inside that dialog) → 603.
     */
    private void referOutsideDialog(Request req, ServerTransaction tx) {
        Optional<TargetDialog> td = TargetDialog.valueOf(req.getHeader(TargetDialog.HEADER));
        Optional<SipLeg> target = td.flatMap(t -> leg(t.callId()).filter(t::names));
        String number = req.getHeader(javax.sip.header.ReferToHeader.NAME) instanceof javax.sip.header.ReferToHeader rt
                && rt.getAddress().getURI() instanceof SipURI u && u.getUser() != null ? u.getUser() : "";
        if (target.isEmpty() || number.isEmpty()) {
            LOG.info("REFER with Target-Dialog {}: no such dialog", td.map(TargetDialog::callId).orElse("?"));
            messages.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, r -> { });
            return;
        }
        SipLeg ringing = target.get();
        if (!ringing.gatewayInitiated() || ringing.confirmed() || ringing.isEnded() || ringing.callRef() == null) {
            messages.respond(tx, Response.DECLINE, r -> { });
            return;
        }
        org.tollgate.callcontrol.call.CallRef call = ringing.callRef();
        String tag = newTag();
        messages.respond(tx, Response.ACCEPTED, r -> {
            ((javax.sip.header.ToHeader) r.getHeader(javax.sip.header.ToHeader.NAME)).setTag(tag);
            r.addHeader(messages.contact(null, contactHost(), contactPort()));
        });
        Dialog subscription = tx.getDialog();
        LOG.info("REFER with Target-Dialog {}: the phone forwards {} to {} (NOTIFY-triggered new call)",
                ringing.callId(), call, number);
        var outcome = calls.features().redirect(call, number, true);
        if (subscription != null) {
            ReferProgress.start(this, subscription, "forward of " + call + " by REFER").report(outcome, true);
        }
    }

    @Override public void onDigit(Dialog dialog, DigitEvent digit) {
        SipLeg leg = legs.get(dialog.getCallId().getCallId());
        if (leg != null) {
            leg.digit(digit);
        }
    }

    @Override public void onKpmlSubscriptionState(Dialog dialog, boolean terminated, int expires) {
        SipLeg leg = legs.get(dialog.getCallId().getCallId());
        if (leg != null) {
            leg.kpml.onNotifyState(terminated, expires);
        }
    }

    @Override public void onDialogTerminated(Dialog dialog) {
        SipLeg leg = legs.get(dialog.getCallId().getCallId());
        if (leg != null) {
            leg.onDialogTerminated();
        }
    }

    @Override public void onServerTransactionTimeout(ServerTransaction transaction) {
        String callId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        if (legs.get(callId) instanceof InboundLeg in && Request.INVITE.equals(transaction.getRequest().getMethod())) {
            in.onInviteTimeout();
        }
    }

    @Override public void onResponse(ResponseEvent event) {
        String callId = ((CallIdHeader) event.getResponse().getHeader(CallIdHeader.NAME)).getCallId();
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) event.getResponse()
                .getHeader(javax.sip.header.CSeqHeader.NAME);
        if (cseq != null && legs.get(callId) instanceof InboundLeg in
                && (Request.INVITE.equals(cseq.getMethod()) || Request.UPDATE.equals(cseq.getMethod()))) {
            in.onRefreshResponse(event); // our session refresh (an incoming leg sends no other INVITE)
            return;
        }
        if (cseq != null && Request.SUBSCRIBE.equals(cseq.getMethod())) {
            SipLeg leg = legs.get(callId);
            if (leg != null) {
                leg.onSubscribeResponse(event);
            }
            return;
        }
        if (legs.get(callId) instanceof OutboundLeg out) {
            out.onResponse(event);
        }
    }

    @Override public void onClientTransactionTimeout(ClientTransaction transaction) {
        if (transaction == null || !Request.INVITE.equals(transaction.getRequest().getMethod())) {
            return;
        }
        String callId = ((CallIdHeader) transaction.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        if (legs.get(callId) instanceof OutboundLeg out) {
            out.onTimeout();
        }
    }

    // ---- outgoing legs ----

    private LegFactory.Creation createLeg(OutgoingLegRequest request, LegEvents events) {
        if (server == null) {
            return new LegFactory.Failed(Q850Cause.SERVICE_NOT_AVAILABLE, "the SIP edge is not running");
        }
        Optional<SipURI> target = switch (request.peer().target()) {
            case DialPeerTarget.Voip v -> sessionTarget(v.sessionTarget(), request.calledNumber());
            case DialPeerTarget.Line l -> registeredContact(l.number());
            case DialPeerTarget.Pots p -> Optional.empty();
        };
        if (target.isEmpty()) {
            return switch (request.peer().target()) {
                case DialPeerTarget.Line l -> new LegFactory.Failed(new Q850Cause(20), "line " + l.number() + " not registered");
                default -> new LegFactory.Failed(Q850Cause.NO_ROUTE_TO_DESTINATION, "no usable session target");
            };
        }
        LegMedia media = LegMedia.outbound(config.get(), request, settings.codecs());
        RtpStream stream;
        try {
            stream = rtp.open(new StreamOptions(media.codecs().getFirst() == SdpNegotiator.Codec.PCMA
                    ? Codec.PCMA : Codec.PCMU, SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT, true, false, null));
        } catch (IOException e) {
            return new LegFactory.Failed(Q850Cause.RESOURCE_UNAVAILABLE, "no RTP port: " + e.getMessage());
        }
        OutboundLeg leg = new OutboundLeg(this, stream, target.get(), events, request.leg().call(), media);
        if (request.peer().target() instanceof DialPeerTarget.Line line) {
            EndpointDirectory.byNumber(config.get(), line.number()).ifPresent(e -> leg.party(e.caller()));
        }
        legs.put(leg.callId(), leg);
        return new LegFactory.Created(leg);
    }

    /** {@code ipv4:A[:P]} → {@code sip:called@A:P} (default port 5060). */
    Optional<SipURI> sessionTarget(String target, String called) {
        if (target == null || !target.startsWith("ipv4:")) {
            return Optional.empty();
        }
        String hostPort = target.substring(5);
        String host = hostPort;
        int port = 5060;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            SipURI uri = messages.addresses.createSipURI(called, host);
            uri.setPort(port);
            return Optional.of(uri);
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<SipURI> registeredContact(String number) {
        for (Binding b : bindings.lookup(number)) {
            try {
                if (messages.addresses.createURI(b.contactUri()) instanceof SipURI u) {
                    return Optional.of(u);
                }
            } catch (ParseException e) {
                LOG.debug("unusable contact {}: {}", b.contactUri(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    // ---- shared helpers for the legs ----

    private StreamOptions streamOptions(SdpNegotiator.MediaSelection sel) {
        int te = sel.telephoneEventPt().orElse(SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT);
        if (te < 96 || te > 127) {
            te = SdpNegotiator.DEFAULT_TELEPHONE_EVENT_PT;
        }
        Codec codec = sel.codec() == SdpNegotiator.Codec.PCMA ? Codec.PCMA : Codec.PCMU;
        InetSocketAddress remote = "0.0.0.0".equals(sel.remoteAddress()) || sel.remotePort() <= 0 ? null
                : new InetSocketAddress(sel.remoteAddress(), sel.remotePort());
        return new StreamOptions(codec, te, true, false, remote);
    }

    Settings settings() {
        return settings;
    }

    /** Call control's scheduler (KPML refreshes); before {@link #attach}: the system clock, nothing scheduled. */
    org.tollgate.callcontrol.time.CallScheduler scheduler() {
        CallControl cc = calls;
        return cc != null ? cc.scheduler() : UNATTACHED;
    }

    private static final org.tollgate.callcontrol.time.CallScheduler UNATTACHED =
            new org.tollgate.callcontrol.time.CallScheduler() {
                @Override public java.time.Instant now() {
                    return java.time.Instant.now();
                }

                @Override public Cancellable schedule(java.time.Duration delay, Runnable task) {
                    return () -> { };
                }
            };

    /** Duration announced in the Call-Info of {@code dtmf-relay sip-notify} legs (ms). */
    static final java.time.Duration NOTIFY_DURATION = java.time.Duration.ofMillis(500);

    /**
     * {@code Call-Info: <sip:host:port>;method="NOTIFY;Event=telephone-event;Duration=500"}: what IOS
     * sends in INVITE / 18x / 200 on legs whose {@code dtmf-relay} includes {@code sip-notify}.
     */
    javax.sip.header.Header callInfo() throws ParseException {
        return messages.headers.createHeader("Call-Info", org.tollgate.gateway.sip.dtmf.CiscoNotifyDtmf.callInfo(
                "sip:" + contactHost() + ":" + contactPort(), NOTIFY_DURATION));
    }

    SipMessages messages() {
        return messages;
    }

    SipProvider provider() {
        return server.provider();
    }

    long nextSessionId() {
        return sessionIds.incrementAndGet();
    }

    String newTag() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String newCallId() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b) + "@" + contactHost();
    }

    String mediaAddress() {
        return settings.mediaAddress().orElseGet(this::contactHost);
    }

    String contactHost() {
        SipServer s = server;
        String a = s == null ? "127.0.0.1" : s.address();
        if (a == null || isWildcard(a)) {
            return settings.mediaAddress().orElse(HOST_ADDRESS);
        }
        return a;
    }

    /** The host's first non-loopback IPv4 address (for SDP/Contact when bound to the wildcard), else 127.0.0.1. */
    private static final String HOST_ADDRESS = hostAddress();

    private static String hostAddress() {
        try {
            for (java.net.NetworkInterface nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (java.net.InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return a.getHostAddress();
                    }
                }
            }
        } catch (java.net.SocketException | RuntimeException e) {
            LOG.debug("no host address found: {}", e.toString());
        }
        return "127.0.0.1";
    }

    private static boolean isWildcard(String address) {
        try {
            return java.net.InetAddress.getByName(address).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    int contactPort() {
        return server.port();
    }

    short[] promptAudio(String url) {
        try {
            short[] pcm = prompts.load(url);
            return pcm == null ? new short[0] : pcm;
        } catch (RuntimeException e) {
            LOG.info("prompt {} unavailable: {}", url, e.toString());
            return new short[0];
        }
    }

    void setupFinished(ServerTransaction tx) {
        SipServer s = server;
        if (s != null) {
            s.callSetupFinished(tx);
        }
    }

    CallControl calls() {
        return calls;
    }

    Optional<SipLeg> leg(String callId) {
        return Optional.ofNullable(legs.get(callId));
    }

    /** True when {@code call} is alerting or connected in call control (a consult call that may be transferred to). */
    boolean alertingOrConnected(org.tollgate.callcontrol.call.CallRef call) {
        CallControl cc = calls;
        return cc != null && cc.activeCalls().stream().anyMatch(v -> v.ref().equals(call)
                && (v.state().equals("Alerting") || v.state().equals("Connected")));
    }

    /** True when {@code number} is a configured park slot ({@code ephone-dn} with {@code park-slot}). */
    boolean isParkSlot(String number) {
        CallControl cc = calls;
        return cc != null && cc.currentSettings().features().parkSlots().stream().anyMatch(p -> p.number().equals(number));
    }

    void forget(SipLeg leg) {
        legs.remove(leg.callId(), leg);
    }

    /** Sends a request in {@code dialog} ({@code BYE}, {@code INFO}) on a new client transaction. */
    void sendInDialog(Dialog dialog, String method, SipMessages.Decorator<Request> decorator) {
        try {
            Request r = dialog.createRequest(method);
            decorator.decorate(r);
            ClientTransaction ct = provider().getNewClientTransaction(r);
            dialog.sendRequest(ct);
        } catch (ParseException | javax.sip.InvalidArgumentException | javax.sip.SipException | RuntimeException e) {
            LOG.debug("{} in dialog {} failed: {}", method, dialog.getCallId().getCallId(), e.toString());
        }
    }

    /** Cisco unsolicited NOTIFY ({@code Event: telephone-event}, 4-byte {@code audio/telephone-event} body). */
    void sendNotifyDigit(Dialog dialog, DigitEvent digit) {
        sendInDialog(dialog, Request.NOTIFY, r -> {
            r.addHeader(messages.headers.createEventHeader(org.tollgate.gateway.sip.dtmf.CiscoNotifyDtmf.EVENT));
            r.addHeader(messages.headers.createSubscriptionStateHeader("active"));
            r.setContent(org.tollgate.gateway.sip.dtmf.CiscoNotifyDtmf.encode(digit, true),
                    messages.headers.createContentTypeHeader("audio", "telephone-event"));
        });
    }

    /** SIP INFO {@code application/dtmf-relay} {@code Signal=D / Duration=MS}. */
    void sendInfoDigit(Dialog dialog, char digit, int millis) {
        sendInDialog(dialog, Request.INFO, r -> r.setContent("Signal=" + digit + "\r\nDuration=" + millis + "\r\n",
                messages.headers.createContentTypeHeader("application", "dtmf-relay")));
    }
}
