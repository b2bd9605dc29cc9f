package org.tollgate.gateway.sip.b2bua;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.feature.Side;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.callcontrol.leg.LegSignaling;
import org.tollgate.callcontrol.media.AudioSink;
import org.tollgate.callcontrol.media.MediaCounters;
import org.tollgate.config.voice.DtmfRelay;
import org.tollgate.dsp.dtmf.DtmfDigit;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rfc4733.TelephoneEventReceiver;
import org.tollgate.dsp.rtp.MediaSink;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.dsp.rtp.StreamCounters;
import org.tollgate.gateway.sip.cause.Q850Reason;
import org.tollgate.gateway.sip.cause.SipCauseMapping;
import org.tollgate.gateway.sip.dtmf.DigitEvent;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * What both kinds of SIP leg share: the leg's RTP stream on the gateway (anchored media), its
 * dialog, digits from RFC 4733 and SIP (INFO / NOTIFY / KPML, all through {@link #digit}), audio
 * bridging to the peer leg, counters, and BYE with {@code Reason} (RFC 3326).
 *
 * <p>Audio: two SIP legs relay RTP packets to each other unchanged (the stream's {@code relayTo},
 * as the {@code dsp} {@code MediaRelay} does); towards a leg with in-gateway audio (an analog port)
 * the stream's decoded frames go to the peer's sink and the peer's audio is played into the stream.
 */
abstract sealed class SipLeg implements LegSignaling permits InboundLeg, OutboundLeg {
    private static final Logger LOG = LoggerFactory.getLogger(SipLeg.class);

    protected final SipB2bua b2bua;
    protected final RtpStream stream;
    protected final long sessionId;
    protected volatile LegEvents events;
    protected volatile Dialog dialog;
    protected volatile SdpNegotiator.MediaSelection selection;
    private volatile AudioSink audioPeer;
    private final PushPcmSource fromPeer = new PushPcmSource();
    private volatile long lastDigitTs = -1;
    /** In-band DTMF on the leg's received audio (only used on the media pacing thread). */
    private final org.tollgate.dsp.dtmf.DtmfDetector inband = new org.tollgate.dsp.dtmf.DtmfDetector();
    /** True once the leg is gone (released by either side); guarded by {@code this}. */
    protected boolean ended;
    private Q850Cause pendingRelease;
    /** Completes when the latest REFER in this dialog sent its final NOTIFY (the BYE waits for it). */
    private volatile java.util.concurrent.CompletionStage<Void> referDone =
            java.util.concurrent.CompletableFuture.completedFuture(null);
    /** The leg's {@code dtmf-relay} methods (dial-peer or {@code voice register pool}), preference order. */
    private final List<DtmfRelay> relay;
    /** The leg's configured media (dtmf-relay, codecs). */
    private final LegMedia media;
    /** KPML subscriptions in this leg's dialog (ours to the peer, and the peer's to us). */
    protected final KpmlUsage kpml = new KpmlUsage(this);
    /** Digits received before {@link #bind}; guarded by {@code this}. */
    private final StringBuilder earlyDigits = new StringBuilder();
    /** SDP o= version of this leg's last description; guarded by {@code this}. */
    private long sdpVersion = 1;
    /** The call this leg belongs to now and its side in it (updated when a transfer moves the leg). */
    private volatile CallRef callRef;
    private volatile Side side;
    /** The SIP leg this one's RTP is relayed to, if any. */
    private volatile SipLeg peerLeg;
    /** The user of this leg when it is a configured phone line (see {@link #party()}). */
    private volatile Optional<org.tollgate.callcontrol.call.Caller> party = Optional.empty();

    SipLeg(SipB2bua b2bua, RtpStream stream, LegMedia media) {
        this.b2bua = b2bua;
        this.stream = stream;
        this.media = media;
        this.relay = media.dtmfRelay();
        this.sessionId = b2bua.nextSessionId();
        stream.setSink(new Sink());
    }

    /** The Call-ID of this leg's dialog (the B2BUA's key). */
    abstract String callId();

    /** The user part of this leg's Contact. */
    abstract String contactUser();

    /** The gateway's tag in this leg's dialog (null before it has one). */
    abstract String localTag();

    /** The peer's tag in this leg's dialog (null before it has one). */
    abstract String remoteTag();

    /** True once the dialog is confirmed (2xx sent or received). */
    abstract boolean confirmed();

    /** True when the gateway sent this dialog's INVITE (an outgoing leg). */
    abstract boolean gatewayInitiated();

    /** True once the leg is gone. */
    synchronized boolean isEnded() {
        return ended;
    }

    /**
     * A registered phone's identity for call control: the configured phone line (ephone-dn or
     * voice register dn) this leg's user is, with its number and {@code lpcor incoming} group. Used
     * when a feature makes this leg's user the caller of a new call (transfer, forward, park recall).
     */
    @Override public Optional<org.tollgate.callcontrol.call.Caller> party() {
        return party;
    }

    /** Records the phone line this leg's user is (set by the B2BUA from the configuration). */
    void party(org.tollgate.callcontrol.call.Caller phone) {
        this.party = Optional.of(phone);
    }

    /**
     * Re-INVITE from this leg's peer (hold/resume, RFC 3264 8.4): answered from the leg's own stream
     * with the direction mirrored; the other leg is not re-INVITEd (media is anchored on the gateway).
     * Without SDP (an offer solicited from us) the answer carries our offer.
     */
    protected void reInvite(Request req, ServerTransaction tx) {
        String offer = SipMessages.body(req);
        long version;
        synchronized (this) {
            version = ++sdpVersion;
        }
        String sdp;
        if (offer.isEmpty()) {
            sdp = SdpNegotiator.offer(localMedia(version, SdpNegotiator.Direction.SENDRECV));
        } else {
            switch (SdpNegotiator.answer(offer, localMedia(version, SdpNegotiator.Direction.SENDRECV))) {
                case SdpNegotiator.Negotiation.Agreed a -> {
                    applySelection(a.selection());
                    LOG.debug("re-INVITE on {}: {}", describe(), a.selection().remoteHold() ? "hold" : "resume");
                    sdp = a.answerSdp();
                }
                case SdpNegotiator.Negotiation.NotAcceptable n -> {
                    respond(tx, Response.NOT_ACCEPTABLE_HERE);
                    return;
                }
            }
        }
        b2bua.messages().respond(tx, Response.OK, r -> {
            r.addHeader(b2bua.messages().contact(contactUser(), b2bua.contactHost(), b2bua.contactPort()));
            b2bua.messages().setSdp(r, sdp);
            reInviteAnswered(req, r);
        });
    }

    /** Adds to the 200 of a peer's re-INVITE (session timer headers of an incoming leg); nothing here. */
    protected void reInviteAnswered(Request req, Response ok) throws java.text.ParseException {
    }

    /** The leg's SDP as it stands (same o= version: nothing changed, RFC 3264 section 8), as an offer. */
    protected String currentOffer() {
        long version;
        synchronized (this) {
            version = sdpVersion;
        }
        return SdpNegotiator.offer(localMedia(version, SdpNegotiator.Direction.SENDRECV));
    }

    /** Handles an in-dialog request (BYE, CANCEL, re-INVITE, ACK with {@code tx} null). */
    abstract void onRequest(RequestEvent event, ServerTransaction tx);

    /** The dialog ended in the stack (BYE done, or a 2xx never acknowledged). */
    void onDialogTerminated() {
        remoteGone(Q850Cause.NORMAL_CALL_CLEARING);
    }

    /** The peer of this leg ended it with {@code cause}: report once, free the media. */
    protected final void remoteGone(Q850Cause cause) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        kpml.dialogGone();
        close();
        LegEvents ev;
        synchronized (this) {
            ev = events;
            if (ev == null) {
                pendingRelease = cause; // before bind(): delivered there
            }
        }
        if (ev != null) {
            ev.released(cause);
        }
    }

    /** Connects the leg to its call's events; a release that happened before is delivered now. */
    void bind(LegEvents legEvents) {
        Q850Cause pending;
        String digits;
        synchronized (this) {
            events = legEvents;
            pending = pendingRelease;
            pendingRelease = null;
            digits = earlyDigits.toString();
            earlyDigits.setLength(0);
        }
        if (!digits.isEmpty()) {
            legEvents.digits(digits);
        }
        if (pending != null) {
            legEvents.released(pending);
        }
    }

    /** Frees the media and forgets the leg (see {@link #forgetAfterRefer}). */
    protected void close() {
        stream.close();
        forgetAfterRefer();
    }

    /**
     * Forgets the leg, once a REFER of it waiting for its outcome sent the final NOTIFY: until then
     * the dialog stays known, so the transferor hanging up meanwhile gets 200 for its BYE, not 481.
     */
    protected void forgetAfterRefer() {
        referDone.thenRun(() -> b2bua.forget(this));
    }

    /** The call this leg belongs to now. */
    protected CallRef callRef() {
        return callRef;
    }

    /** This leg's side in {@link #callRef()}. */
    Side side() {
        return side;
    }

    /** Call control moved this leg into a feature's new call: REFERs from now on name that call. */
    @Override public void joined(CallRef call, boolean incoming) {
        LOG.debug("{} joined {} as {}", describe(), call, incoming ? "caller" : "called");
        placeIn(call, incoming ? Side.CALLER : Side.CALLED);
    }

    /** Records the call and side this leg now belongs to. */
    synchronized void placeIn(CallRef call, Side partySide) {
        this.callRef = call;
        this.side = partySide;
    }

    /**
     * Records the call this leg started in, unless call control already moved it into a feature's
     * call ({@link #joined}: a pickup code can complete before {@code startCall} returns).
     */
    synchronized void placeInitially(CallRef call, Side partySide) {
        if (this.callRef == null) {
            this.callRef = call;
            this.side = partySide;
        }
    }

    /**
     * REFER in this leg's dialog (RFC 3515): the user of this leg transfers or forwards its peer.
     * <ul>
     *   <li>In a confirmed dialog, without {@code Replaces} in the Refer-To URI: blind transfer to the
     *       URI's user part ({@code FeatureService.blindTransfer}: a new call, the transferee is asked
     *       for a FAC when it needs one, whatever it entered before).</li>
     *   <li>With {@code Replaces} naming another dialog of the gateway (the transferor's consult call,
     *       RFC 3891): {@code consultTransfer}.</li>
     *   <li>In the early dialog of a call the gateway is offering to a phone (the phone rings and
     *       REFERs instead of answering): the phone forwards the call. This is the seed's "SIP
     *       NOTIFY-triggered new call" in a call-forward scenario: {@code FeatureService.redirect(call,
     *       number, true)} re-routes the caller, who is asked for the FAC again when caller→number
     *       needs one; call control then cancels the ringing leg. (A 302 from the phone stays a
     *       redirect inside the call that keeps the caller's FAC.)</li>
     *   <li>To a configured park-slot number (the CME way of parking from a SIP phone): the other party
     *       is parked in exactly that slot ({@code FeatureService.park(call, side, slot)}; no FAC); the
     *       slot in use → final sipfrag 486 and the call goes on.</li>
     * </ul>
     * Answered 202, then the implicit subscription's NOTIFYs ({@link ReferProgress}): {@code 100
     * Trying} at once, then the real outcome (200 when the transfer target answered or the consult
     * transfer / park is done, else the mapped failure status), terminated. When call control
     * releases this (the transferor's) leg meanwhile, as in a blind transfer, its BYE waits for that
     * final NOTIFY. On failure the transferor is not reconnected (IOS: it released already); the
     * transferee is handled by its new call's failure path (tone or release with the cause).
     */
    protected void refer(Request req, ServerTransaction tx) {
        javax.sip.header.ReferToHeader rt = (javax.sip.header.ReferToHeader) req.getHeader(javax.sip.header.ReferToHeader.NAME);
        CallRef call = callRef;
        Side mySide = side;
        if (rt == null || !(rt.getAddress().getURI() instanceof javax.sip.address.SipURI target)
                || target.getUser() == null || call == null) {
            respond(tx, Response.BAD_REQUEST);
            return;
        }
        String replaces = target.getHeader("Replaces");
        Optional<SipLeg> consultLeg = Optional.empty();
        if (replaces != null) {
            String replacedCallId = java.net.URLDecoder.decode(replaces, java.nio.charset.StandardCharsets.UTF_8)
                    .split(";", 2)[0];
            consultLeg = b2bua.leg(replacedCallId);
            if (consultLeg.isEmpty()) {
                LOG.info("REFER on {}: Replaces names no dialog of the gateway ({})", describe(), replacedCallId);
                respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
                return;
            }
        }
        if (consultLeg.isPresent() && (consultLeg.get().callRef == null
                || !b2bua.alertingOrConnected(consultLeg.get().callRef))) {
            // RFC 3515 2.4.2: refused at once; e.g. the transferor still owes the consult call's FAC
            LOG.info("REFER with Replaces on {}: the consult call {} is not alerting or connected yet: 603", describe(),
                    consultLeg.get().callRef);
            respond(tx, Response.DECLINE);
            return;
        }
        boolean forward = consultLeg.isEmpty() && gatewayInitiated() && !confirmed();
        boolean park = consultLeg.isEmpty() && !forward && b2bua.isParkSlot(target.getUser());
        respond(tx, Response.ACCEPTED);
        Dialog d = dialog;
        if (d == null) {
            return;
        }
        ReferProgress progress = ReferProgress.start(b2bua, d, "REFER on " + describe());
        referDone = progress.done(); // call control may release this leg at once: its BYE waits (sendBye)
        var features = b2bua.calls().features();
        java.util.concurrent.CompletionStage<org.tollgate.callcontrol.feature.FeatureOutcome> outcome;
        if (consultLeg.isPresent()) {
            LOG.info("REFER with Replaces on {}: consult transfer of {} to the consult call {}", describe(), call,
                    consultLeg.get().callRef);
            outcome = features.consultTransfer(call, mySide, consultLeg.get().callRef);
        } else if (park) {
            LOG.info("REFER on {} to park slot {}: park of the other party of {}", describe(), target.getUser(), call);
            outcome = features.park(call, mySide, target.getUser());
        } else if (forward) {
            LOG.info("REFER in the early dialog {}: the phone forwards {} to {} (NOTIFY-triggered new call)",
                    describe(), call, target.getUser());
            outcome = features.redirect(call, target.getUser(), true);
        } else {
            LOG.info("REFER on {}: blind transfer of {} to {}", describe(), call, target.getUser());
            outcome = features.blindTransfer(call, mySide, target.getUser());
        }
        // the moved legs learn their new call from call control (joined)
        progress.report(outcome, consultLeg.isEmpty() && !park);
    }

    /**
     * A digit by SIP INFO, NOTIFY or KPML in this leg's dialog. Digits that arrive before the leg is
     * bound to its call (a fast caller answering the FAC prompt's 183, sent while the call starts) are
     * kept and delivered by {@link #bind}.
     */
    void digit(DigitEvent digit) {
        LegEvents ev;
        synchronized (this) {
            ev = events;
            if (ev == null) {
                earlyDigits.append(digit.digit());
                return;
            }
        }
        ev.digits(String.valueOf(digit.digit()));
    }

    /** The local media description for SDP, at version {@code version}. */
    protected SdpNegotiator.LocalMedia localMedia(long version, SdpNegotiator.Direction direction) {
        return new SdpNegotiator.LocalMedia(sessionId, version, b2bua.mediaAddress(), stream.localPort(),
                media.codecs(), media.telephoneEventPt(), direction);
    }

    /** The leg's {@code dtmf-relay} methods. */
    List<DtmfRelay> dtmfRelay() {
        return relay;
    }

    /** True when the leg's {@code dtmf-relay} includes {@code sip-notify}: its INVITE / 18x / 200 carry Call-Info. */
    boolean advertisesNotify() {
        return relay.contains(DtmfRelay.SIP_NOTIFY);
    }

    /** Subscribes to the peer's KPML when the leg's {@code dtmf-relay} includes {@code sip-kpml}. */
    protected void subscribeKpml() {
        if (relay.contains(DtmfRelay.SIP_KPML)) {
            kpml.subscribe();
        }
    }

    /** A response to a SUBSCRIBE this leg sent. */
    void onSubscribeResponse(javax.sip.ResponseEvent event) {
        kpml.onResponse(event);
    }

    /** Points the stream at the peer's RTP address from SDP (not for hold addresses 0.0.0.0). */
    protected void applySelection(SdpNegotiator.MediaSelection sel) {
        this.selection = sel;
        // send and decode the answer's G.711 law (an outgoing leg offered PCMU first; the callee may pick PCMA)
        stream.useCodec(sel.codec() == SdpNegotiator.Codec.PCMA ? org.tollgate.dsp.rtp.Codec.PCMA
                : org.tollgate.dsp.rtp.Codec.PCMU);
        if (!"0.0.0.0".equals(sel.remoteAddress()) && sel.remotePort() > 0) {
            stream.setRemote(new InetSocketAddress(sel.remoteAddress(), sel.remotePort()));
        }
    }

    /**
     * Sends digits to this leg's user by the first usable method of its {@code dtmf-relay} list
     * ({@link #relayMethod}); with {@code INBAND}, as tones in the leg's audio.
     */
    protected void sendDigits(String digits) {
        DigitEvent.RelayMethod method = relayMethod();
        LOG.debug("digits {} to {} by {}", digits, describe(), method);
        int ms = b2bua.settings().digitMillis();
        StringBuilder tones = new StringBuilder();
        for (char c : digits.toCharArray()) {
            int event = DigitEvent.DIGITS.indexOf(c);
            if (event < 0) {
                continue;
            }
            Dialog d = dialog;
            switch (method) {
                case RTP_NTE -> DtmfDigit.ofEvent(event).ifPresent(digit -> stream.sendDigit(digit, ms));
                case SIP_NOTIFY -> {
                    if (d != null) {
                        b2bua.sendNotifyDigit(d, new DigitEvent(c, java.time.Duration.ofMillis(ms),
                                DigitEvent.RelayMethod.SIP_NOTIFY));
                    }
                }
                case SIP_KPML -> {
                    if (!kpml.notifyDigit(c) && d != null) {
                        b2bua.sendInfoDigit(d, c, ms); // the subscription ended in between
                    }
                }
                case SIP_INFO -> {
                    if (d != null) {
                        b2bua.sendInfoDigit(d, c, ms);
                    }
                }
                case INBAND -> tones.append(c);
            }
        }
        if (!tones.isEmpty()) {
            playTones(tones.toString());
        }
    }

    /**
     * How digits go to this leg now: the first usable method of its {@code dtmf-relay} list —
     * {@code rtp-nte} only when the peer negotiated telephone-event, {@code sip-info} and
     * {@code sip-notify} always, {@code sip-kpml} only while the peer holds a KPML subscription to
     * the gateway, H.245 never (no SIP meaning). A list with no usable method: in-band tones
     * (the {@code dsp} DTMF generator, as IOS falls back to in-band audio). No list at all: RFC 4733
     * when negotiated, else SIP INFO.
     */
    DigitEvent.RelayMethod relayMethod() {
        SdpNegotiator.MediaSelection sel = selection;
        boolean nte = sel != null && sel.telephoneEventPt().isPresent();
        if (relay.isEmpty()) {
            return nte ? DigitEvent.RelayMethod.RTP_NTE : DigitEvent.RelayMethod.SIP_INFO;
        }
        for (DtmfRelay m : relay) {
            switch (m) {
                case RTP_NTE -> {
                    if (nte) {
                        return DigitEvent.RelayMethod.RTP_NTE;
                    }
                }
                case SIP_INFO -> {
                    return DigitEvent.RelayMethod.SIP_INFO;
                }
                case SIP_NOTIFY -> {
                    return DigitEvent.RelayMethod.SIP_NOTIFY;
                }
                case SIP_KPML -> {
                    if (kpml.peerSubscribed()) {
                        return DigitEvent.RelayMethod.SIP_KPML;
                    }
                }
                case H245_ALPHANUMERIC, H245_SIGNAL -> { }
            }
        }
        return DigitEvent.RelayMethod.INBAND;
    }

    /**
     * Plays {@code digits} as in-band DTMF (100 ms tone, 100 ms pause) into the leg's stream; bridged to
     * in-gateway audio, that audio resumes after the tones. While the leg is bridged to another SIP leg
     * by packet relay, the relay pauses in both directions for the tones (the stream can only send
     * one source) and resumes when they end, unless the legs were re-bridged meanwhile.
     */
    private void playTones(String digits) {
        short[] pcm = org.tollgate.dsp.dtmf.DtmfGenerator.generate(digits);
        ToneQueue queue;
        synchronized (this) {
            if (tones != null && tones.append(pcm)) {
                return; // queued behind the digits still playing
            }
            tones = new ToneQueue(pcm);
            queue = tones;
        }
        SipLeg relayPeer = peerLeg;
        LOG.debug("in-band {} on {} (relayed to {})", digits, describe(), relayPeer == null ? "none" : relayPeer.describe());
        if (relayPeer != null) {
            stream.stopRelays();
            stream.play(new ThenRun(queue, () -> {
                if (peerLeg == relayPeer && relayPeer.peerLeg == this) {
                    stream.relayTo(relayPeer.stream);
                    relayPeer.stream.relayTo(stream);
                }
            }));
            return;
        }
        stream.play(audioPeer != null ? new ThenSource(queue, fromPeer) : queue);
    }

    /** {@code source}, then {@code after} runs once when it has ended (on the media thread). */
    private static final class ThenRun implements PcmSource {
        private final PcmSource source;
        private Runnable after;

        ThenRun(PcmSource source, Runnable after) {
            this.source = source;
            this.after = after;
        }

        @Override public int read(short[] buf, int off, int len) {
            int n = source.read(buf, off, len);
            if (n < 0 && after != null) {
                Runnable r = after;
                after = null;
                r.run();
            }
            return n;
        }
    }

    /** In-band digits being played; guarded by {@code this}. */
    private ToneQueue tones;

    /** Digit tones in arrival order; once drained it has ended and takes no more. Thread-safe. */
    private static final class ToneQueue implements PcmSource {
        private final java.util.ArrayDeque<short[]> queue = new java.util.ArrayDeque<>();
        private int pos;
        private boolean ended;

        ToneQueue(short[] first) {
            queue.add(first);
        }

        /** Queues more tones; false when this queue has already ended (start a new one). */
        synchronized boolean append(short[] pcm) {
            if (ended) {
                return false;
            }
            queue.add(pcm);
            return true;
        }

        @Override public synchronized int read(short[] buf, int off, int len) {
            int n = 0;
            while (n < len && !queue.isEmpty()) {
                short[] cur = queue.peek();
                int k = Math.min(len - n, cur.length - pos);
                System.arraycopy(cur, pos, buf, off + n, k);
                pos += k;
                n += k;
                if (pos >= cur.length) {
                    queue.poll();
                    pos = 0;
                }
            }
            if (n == 0) {
                ended = true;
                return -1;
            }
            return n;
        }
    }

    /** {@code first}, then {@code then} (which never ends). */
    private record ThenSource(PcmSource first, PcmSource then) implements PcmSource {
        @Override public int read(short[] buf, int off, int len) {
            int n = first.read(buf, off, len);
            if (n >= len) {
                return n;
            }
            int done = Math.max(0, n);
            int more = then.read(buf, off + done, len - done);
            return done + Math.max(0, more);
        }
    }

    /**
     * Sends BYE with {@code Reason: Q.850;cause=N} in the dialog; while a REFER of this leg waits for
     * its final NOTIFY ({@link ReferProgress}), only after that NOTIFY.
     */
    protected void sendBye(Q850Cause cause) {
        Dialog d = dialog;
        if (d != null) {
            referDone.thenRun(() -> b2bua.sendInDialog(d, Request.BYE, r -> r.addHeader(b2bua.messages().reason(cause))));
        }
    }

    /** The cause a peer's BYE/CANCEL/final response carries ({@code Reason}, else from the status). */
    protected static Q850Cause causeOf(javax.sip.message.Message message, int statusOrZero) {
        Optional<Q850Reason> reason = SipMessages.reasonOf(message);
        if (statusOrZero == 0) {
            return reason.map(Q850Reason::toCause).orElse(Q850Cause.NORMAL_CALL_CLEARING);
        }
        return SipCauseMapping.toCause(statusOrZero, reason);
    }

    /** Answers a request in this leg's dialog. */
    protected void respond(ServerTransaction tx, int status) {
        b2bua.messages().respond(tx, status, r -> { });
    }

    @Override public Optional<AudioSink> audioToUser() {
        return Optional.of(new StreamAudio(this));
    }

    /**
     * Bridges this leg's audio. To another SIP leg: its RTP is relayed packet to packet, unchanged.
     * To in-gateway audio (an analog port, or a conference bridge's per-party sink): the leg leaves
     * packet relay in both directions ({@code RtpStream.stopRelays}, so its RTP goes to exactly one
     * place and nobody else's packets leave its socket), its RTP is decoded (G.711 μ/A, through the
     * stream's jitter buffer) into 20 ms frames for {@code peer}, and what is pushed to its
     * {@link #audioToUser()} (the peer's audio, a conference's mix) is encoded into its RTP stream,
     * paced by the RTP engine.
     */
    @Override public void connectAudio(AudioSink peer) {
        if (peer instanceof StreamAudio sip) {
            audioPeer = null;
            peerLeg = sip.leg();
            stream.relayTo(sip.leg().stream); // RTP to RTP, unchanged
        } else {
            peerLeg = null;
            stream.stopRelays();
            fromPeer.clear();
            audioPeer = peer;
            stream.play(fromPeer);
        }
    }

    @Override public void disconnectAudio() {
        peerLeg = null;
        stream.stopRelays();
        audioPeer = null;
        stream.stopPlaying();
    }

    @Override public Optional<MediaCounters> counters() {
        StreamCounters c = stream.counters();
        SdpNegotiator.MediaSelection sel = selection;
        String coder = sel == null ? "" : sel.codec() == SdpNegotiator.Codec.PCMA ? "g711alaw" : "g711ulaw";
        return Optional.of(new MediaCounters(c.packetsSent(), c.octetsSent(), c.packetsReceived(), c.octetsReceived(),
                coder));
    }

    /** The sink this leg offers its peer: audio pushed here is played into the RTP stream. */
    record StreamAudio(SipLeg leg) implements AudioSink {
        @Override public void accept(short[] pcm) {
            leg.fromPeer.push(pcm);
        }
    }

    /** Decoded audio to the bridged in-gateway peer; RFC 4733 digits to the call (once per event). */
    private final class Sink implements MediaSink {
        /**
         * Bridged to in-gateway audio: the frame goes to the peer (whose own detector hears tones).
         * Otherwise, when the peer did not negotiate telephone-event, in-band DTMF is detected here
         * (RFC 4733 senders suppress the tones, so both are never used at once).
         */
        @Override public void onAudio(short[] frame) {
            AudioSink p = audioPeer;
            if (p != null) {
                p.accept(frame.clone());
                return;
            }
            SdpNegotiator.MediaSelection sel = selection;
            if (sel != null && sel.telephoneEventPt().isPresent()) {
                return;
            }
            for (org.tollgate.dsp.dtmf.DtmfEvent ev : inband.process(frame)) {
                if (ev instanceof org.tollgate.dsp.dtmf.DtmfEvent.DigitStarted started) {
                    LOG.debug("in-band digit {} on {}", started.digit().symbol(), describe());
                    LegEvents legEvents = events;
                    if (legEvents != null) {
                        legEvents.digits(String.valueOf(started.digit().symbol()));
                    }
                }
            }
        }

        @Override public void onDigit(TelephoneEventReceiver.Relayed digit) {
            long ts = switch (digit) {
                case TelephoneEventReceiver.Relayed.Started s -> s.rtpTimestamp();
                case TelephoneEventReceiver.Relayed.Ended e -> e.rtpTimestamp();
            };
            if (ts == lastDigitTs) {
                return; // the start of this event was already reported
            }
            lastDigitTs = ts;
            LOG.debug("RFC 4733 digit {} on {}", digit.digit().symbol(), describe());
            LegEvents ev = events;
            if (ev != null) {
                ev.digits(String.valueOf(digit.digit().symbol()));
            }
        }
    }
}
