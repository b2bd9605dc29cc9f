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
        b2bua.messages().respond(inviteTx, Response.OK, r -> {
            decorate(r);
            b2bua.messages().setSdp(r, answerSdp);
        });
        this.dialog = inviteTx.getDialog();
        b2bua.setupFinished(inviteTx);
        subscribeKpml();
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
