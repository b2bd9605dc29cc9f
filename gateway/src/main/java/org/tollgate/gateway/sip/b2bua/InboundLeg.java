package org.tollgate.gateway.sip.b2bua;

import java.text.ParseException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.gateway.sip.cause.SipCauseMapping;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * The incoming leg of a call that arrived by INVITE (RFC 3261 13.3 UAS). Call control's commands
 * become responses: ringback → {@code 180 Ringing}; a prompt → {@code 183 Session Progress} with
 * the SDP answer and the prompt's audio as early media (RFC 3960 gateway model); connect →
 * {@code 200 OK} with SDP; release before answer → the status of {@link SipCauseMapping} with
 * {@code Reason: Q.850;cause=N} (RFC 3326), after answer → BYE with the Reason.
 */
sealed class InboundLeg extends SipLeg permits FocusLeg {
    private static final Logger LOG = LoggerFactory.getLogger(InboundLeg.class);

    private final ServerTransaction inviteTx;
    private final String callId;
    private final String toTag;
    private final String answerSdp;
    private final String calledUser;
    // guarded by this
    private boolean ringing;
    private boolean early;
    private boolean finalSent;
    private boolean answered;
    /** RFC 4028 negotiation of the INVITE (set before the leg is used). */
    private volatile SessionTimer.Negotiation sessionTimer = new SessionTimer.Negotiation.None();
    private final SessionTimerUsage timers = new SessionTimerUsage(this);

    InboundLeg(SipB2bua b2bua, RtpStream stream, ServerTransaction inviteTx, String callId, String answerSdp,
               SdpNegotiator.MediaSelection selection, String calledUser,
               LegMedia media) {
        super(b2bua, stream, media);
        this.inviteTx = inviteTx;
        this.callId = callId;
        this.toTag = b2bua.newTag();
        this.answerSdp = answerSdp;
        this.calledUser = calledUser;
        this.dialog = inviteTx.getDialog();
        applySelection(selection);
    }

    @Override String contactUser() {
        return calledUser;
    }

    @Override String callId() {
        return callId;
    }

    @Override String localTag() {
        return toTag;
    }

    @Override String remoteTag() {
        return ((javax.sip.header.FromHeader) inviteTx.getRequest().getHeader(javax.sip.header.FromHeader.NAME)).getTag();
    }

    @Override synchronized boolean confirmed() {
        return answered;
    }

    @Override boolean gatewayInitiated() {
        return false;
    }

    @Override public String describe() {
        return "sip:" + callId;
    }

    @Override public void handle(LegCommand command) {
        switch (command) {
            case LegCommand.PlayTone t -> {
                if (t.tone() == org.tollgate.callcontrol.leg.Tone.RINGBACK) {
                    ringing();
                } else if (t.tone() == org.tollgate.callcontrol.leg.Tone.DIAL) {
                    dialTone();
                }
            }
            case LegCommand.PlayPrompt p -> {
                earlyMedia();
                stream.play(PcmSource.of(b2bua.promptAudio(p.promptUrl())));
            }
            case LegCommand.StopTone s -> stream.stopPlaying();
            case LegCommand.Offer o -> LOG.debug("Offer to an incoming SIP leg ignored");
            case LegCommand.Connect c -> answer();
            case LegCommand.SendDigits d -> sendDigits(d.digits());
            case LegCommand.Release r -> release(r.cause());
        }
    }

    private synchronized void ringing() {
        if (finalSent || ringing || early) {
            return;
        }
        ringing = true;
        b2bua.messages().respond(inviteTx, Response.RINGING, this::decorate);
    }

    /**
     * Dial tone for a SIP caller: its en-bloc number was a feature code that succeeded (call forward
     * set or cleared) and call control offers dial tone again, the analog phone's confirmation. The
     * INVITE is answered (200 OK) and dial tone is played into the RTP stream; the phone may dial on
     * (INFO / RFC 4733 digits) or hang up (BYE), as an analog phone would after the code.
     */
    private void dialTone() {
        answer();
        synchronized (this) {
            if (ended) {
                return;
            }
        }
        stream.play(new org.tollgate.dsp.tone.ToneGenerator(org.tollgate.dsp.tone.CallProgressTone.DIAL));
    }

    private synchronized void earlyMedia() {
        if (finalSent || early) {
            return;
        }
        early = true;
        b2bua.messages().respond(inviteTx, Response.SESSION_PROGRESS, r -> {
            decorate(r);
            b2bua.messages().setSdp(r, answerSdp);
        });
        subscribeKpml(); // the early dialog exists now: FAC digits may come by KPML
    }

    private void answer() {
        synchronized (this) {
            if (finalSent || ended) {
                return;
            }
            finalSent = true;
            answered = true;
        }
        stream.stopPlaying();
        SessionTimer.Negotiation st = sessionTimer;
        b2bua.messages().respond(inviteTx, Response.OK, r -> {
            decorate(r);
            b2bua.messages().setSdp(r, answerSdp);
            addSessionTimer(r, st);
        });
        this.dialog = inviteTx.getDialog();
        b2bua.setupFinished(inviteTx);
        subscribeKpml();
        if (st instanceof SessionTimer.Negotiation.Use use) {
            timers.refreshed(use);
        }
    }

    /** The INVITE's RFC 4028 negotiation, decided by the B2BUA before the leg is used. */
    void sessionTimer(SessionTimer.Negotiation negotiation) {
        this.sessionTimer = negotiation;
    }

    /** {@code Session-Expires: N;refresher=X} (+ {@code Require: timer}) on a 2xx (RFC 4028 section 9). */
    private void addSessionTimer(Response r, SessionTimer.Negotiation st) throws ParseException {
        if (st instanceof SessionTimer.Negotiation.Use use) {
            r.addHeader(b2bua.messages().headers.createHeader("Session-Expires", use.headerValue()));
            r.addHeader(b2bua.messages().headers.createHeader("Supported", "timer"));
            if (use.requireTimer()) {
                r.addHeader(b2bua.messages().headers.createRequireHeader("timer"));
            }
        }
    }

    /**
     * A re-INVITE from the caller while a session timer runs is a refresh (RFC 4028 section 10):
     * renegotiated from its {@code Session-Expires} / {@code Supported} (an interval below Min-SE keeps
     * the running one), answered with the headers, and the timer restarts.
     */
    @Override protected void reInviteAnswered(Request req, Response ok) throws ParseException {
        if (timers.current().isEmpty()) {
            return;
        }
        SessionTimer.Negotiation n = b2bua.negotiateSessionTimer(req);
        SessionTimer.Negotiation.Use use = n instanceof SessionTimer.Negotiation.Use u ? u : timers.current().get();
        addSessionTimer(ok, use);
        timers.refreshed(use);
    }

    /** The gateway refreshes (refresher=uas): re-INVITE with the unchanged SDP and the timer headers. */
    void sendSessionRefresh(SessionTimer.Negotiation.Use use) {
        javax.sip.Dialog d = dialog;
        if (d == null) {
            return;
        }
        String sdp = currentOffer();
        b2bua.sendInDialog(d, Request.INVITE, r -> {
            r.addHeader(b2bua.messages().headers.createHeader("Session-Expires", use.headerValue()));
            r.addHeader(b2bua.messages().headers.createHeader("Supported", "timer"));
            if (use.requireTimer()) {
                r.addHeader(b2bua.messages().headers.createRequireHeader("timer"));
            }
            r.addHeader(contactHeader());
            b2bua.messages().setSdp(r, sdp);
        });
    }

    /**
     * A response to our refresh: 2xx is acknowledged; 408 or 481 mean the session is gone (RFC 4028
     * section 10: BYE); other failures leave the session running.
     */
    void onRefreshResponse(javax.sip.ResponseEvent event) {
        Response r = event.getResponse();
        javax.sip.header.CSeqHeader cseq = (javax.sip.header.CSeqHeader) r.getHeader(javax.sip.header.CSeqHeader.NAME);
        int status = r.getStatusCode();
        if (status >= 200 && status < 300 && Request.INVITE.equals(cseq.getMethod())) {
            javax.sip.Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
            try {
                d.sendAck(d.createAck(cseq.getSeqNumber()));
            } catch (javax.sip.InvalidArgumentException | javax.sip.SipException | RuntimeException e) {
                LOG.debug("ACK of the refresh on {} failed: {}", describe(), e.toString());
            }
        } else if (status == Response.REQUEST_TIMEOUT || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            LOG.info("{}: session refresh answered {}, BYE", describe(), status);
            sessionExpired();
        }
    }

    /** The session timer expired (or its refresh failed): BYE, and the call is released with cause 102. */
    void sessionExpired() {
        sendBye(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
        remoteGone(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
    }

    @Override protected void close() {
        timers.stop();
        super.close();
    }

    private void release(Q850Cause cause) {
        boolean bye;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            bye = finalSent && answered;
            kpml.stop();
            if (!finalSent) {
                finalSent = true;
                int status = SipCauseMapping.toSipStatus(cause);
                b2bua.messages().respond(inviteTx, status, r -> {
                    setTag(r);
                    r.addHeader(b2bua.messages().reason(cause));
                });
                b2bua.setupFinished(inviteTx);
            }
        }
        if (bye) {
            sendBye(cause);
        }
        close();
    }

    private void decorate(Response r) throws ParseException {
        setTag(r);
        r.addHeader(contactHeader());
        if (advertisesNotify()) {
            r.addHeader(b2bua.callInfo());
        }
        if (dtmfRelay().contains(org.tollgate.config.voice.DtmfRelay.SIP_KPML)) {
            r.addHeader(b2bua.messages().headers.createAllowEventsHeader(org.tollgate.gateway.sip.dtmf.KpmlDtmf.EVENT));
        }
    }

    /** The Contact of this leg's responses to the INVITE (RFC 3261 12.1.1). */
    javax.sip.header.ContactHeader contactHeader() throws ParseException {
        return b2bua.messages().contact(calledUser, b2bua.contactHost(), b2bua.contactPort());
    }

    private void setTag(Response r) throws ParseException {
        ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(toTag);
    }

    @Override void onRequest(RequestEvent event, ServerTransaction tx) {
        Request req = event.getRequest();
        switch (req.getMethod()) {
            case Request.ACK -> { }
            case Request.BYE -> {
                respond(tx, Response.OK);
                remoteGone(causeOf(req, 0));
            }
            case Request.CANCEL -> cancel(req, tx);
            case Request.INVITE -> reInvite(req, tx);
            case Request.REFER -> refer(req, tx);
            case Request.SUBSCRIBE -> kpml.onSubscribe(req, tx);
            default -> respond(tx, Response.METHOD_NOT_ALLOWED);
        }
    }

    /** CANCEL (RFC 3261 9.2): 200 to the CANCEL, 487 to the INVITE if it has no final response yet. */
    private void cancel(Request req, ServerTransaction tx) {
        respond(tx, Response.OK);
        synchronized (this) {
            if (finalSent) {
                return;
            }
            finalSent = true;
            b2bua.messages().respond(inviteTx, Response.REQUEST_TERMINATED, this::setTag);
        }
        b2bua.setupFinished(inviteTx);
        remoteGone(causeOf(req, 0));
    }

    /** Answers the INVITE with {@code status} (a refused {@code Replaces}) and frees the leg; no call had it. */
    void refuse(int status) {
        synchronized (this) {
            if (finalSent || ended) {
                return;
            }
            finalSent = true;
            ended = true;
        }
        b2bua.messages().respond(inviteTx, status, this::setTag);
        b2bua.setupFinished(inviteTx);
        close();
    }

    /** Timer H or a lost transaction: the INVITE is over. */
    void onInviteTimeout() {
        b2bua.setupFinished(inviteTx);
        remoteGone(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
    }
}
