package org.tollgate.gateway.sip.b2bua;

import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegEvents;
import org.tollgate.dsp.pcm.PcmSource;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * An outgoing SIP leg (RFC 3261 13.2 UAC) to a voip dial-peer's session target or a registered
 * phone's contact. {@code Offer} sends the INVITE with the gateway's SDP offer; 180/183 report
 * alerting, 2xx is acknowledged and reports the answer, 3xx-6xx release the leg with the cause of
 * {@code SipCauseMapping.toCause} (a {@code Reason} header wins). Released before answer: CANCEL
 * (held back until a provisional response arrived, RFC 3261 9.1); after: BYE with {@code Reason}.
 */
final class OutboundLeg extends SipLeg {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLeg.class);

    private final SipURI target;
    private final String callId;
    private final String fromTag;
    private final SdpNegotiator.LocalMedia offered;
    // guarded by this
    private ClientTransaction inviteTx;
    private boolean provisional;
    private boolean alerted;
    private boolean answered;
    private boolean cancelPending;

    /** A leg without {@code dtmf-relay} (digits by negotiation). */
    OutboundLeg(SipB2bua b2bua, RtpStream stream, SipURI target, LegEvents events,
                org.tollgate.callcontrol.call.CallRef call) {
        this(b2bua, stream, target, events, call, new LegMedia(List.of(), b2bua.settings().codecs()));
    }

    OutboundLeg(SipB2bua b2bua, RtpStream stream, SipURI target, LegEvents events,
                org.tollgate.callcontrol.call.CallRef call, LegMedia media) {
        super(b2bua, stream, media);
        placeIn(call, org.tollgate.callcontrol.feature.Side.CALLED);
        this.target = target;
        this.events = events;
        this.callId = b2bua.newCallId();
        this.fromTag = b2bua.newTag();
        this.offered = localMedia(1, SdpNegotiator.Direction.SENDRECV);
    }

    @Override String contactUser() {
        return target.getUser();
    }

    @Override String callId() {
        return callId;
    }

    @Override String localTag() {
        return fromTag;
    }

    @Override String remoteTag() {
        Dialog d = dialog;
        return d == null ? null : d.getRemoteTag();
    }

    @Override synchronized boolean confirmed() {
        return answered;
    }

    @Override boolean gatewayInitiated() {
        return true;
    }

    @Override public String describe() {
        return target.toString();
    }

    @Override public void handle(LegCommand command) {
        switch (command) {
            case LegCommand.Offer o -> offer(o);
            case LegCommand.PlayTone t -> { }
            case LegCommand.PlayPrompt p -> stream.play(PcmSource.of(b2bua.promptAudio(p.promptUrl())));
            case LegCommand.StopTone s -> stream.stopPlaying();
            case LegCommand.Connect c -> { }
            case LegCommand.SendDigits d -> sendDigits(d.digits());
            case LegCommand.Release r -> release(r.cause());
        }
    }

    private void offer(LegCommand.Offer o) {
        SipMessages m = b2bua.messages();
        try {
            String host = b2bua.contactHost();
            SipURI fromUri = m.addresses.createSipURI(o.callingNumber().isEmpty() ? "anonymous" : o.callingNumber(), host);
            javax.sip.address.Address fromAddr = m.addresses.createAddress(fromUri);
            if (!o.callingName().isEmpty()) {
                fromAddr.setDisplayName(o.callingName());
            }
            FromHeader from = m.headers.createFromHeader(fromAddr, fromTag);
            ToHeader to = m.headers.createToHeader(m.addresses.createAddress((SipURI) target.clone()), null);
            CallIdHeader cid = m.headers.createCallIdHeader(callId);
            CSeqHeader cseq = m.headers.createCSeqHeader(1L, Request.INVITE);
            ViaHeader via = m.headers.createViaHeader(host, b2bua.contactPort(), transport(), null);
            Request invite = m.messages.createRequest((SipURI) target.clone(), Request.INVITE, cid, cseq, from, to,
                    List.of(via), m.headers.createMaxForwardsHeader(70));
            invite.addHeader(m.contact(o.callingNumber(), host, b2bua.contactPort()));
            if (advertisesNotify()) {
                invite.addHeader(b2bua.callInfo());
            }
            if (o.autoAnswer()) {
                // intercom: RFC 5373 Answer-Mode, and the Call-Info answer-after=0 most SIP phones act on
                invite.addHeader(m.headers.createHeader("Answer-Mode", "Auto"));
                invite.addHeader(m.headers.createHeader("Call-Info",
                        "<sip:" + host + ":" + b2bua.contactPort() + ">;answer-after=0"));
            }
            if (dtmfRelay().contains(org.tollgate.config.voice.DtmfRelay.SIP_KPML)) {
                invite.addHeader(m.headers.createAllowEventsHeader(org.tollgate.gateway.sip.dtmf.KpmlDtmf.EVENT));
            }
            m.setSdp(invite, SdpNegotiator.offer(offered));
            ClientTransaction ct = b2bua.provider().getNewClientTransaction(invite);
            synchronized (this) {
                inviteTx = ct;
                dialog = ct.getDialog();
            }
            ct.sendRequest();
            LOG.debug("INVITE {} sent to {}", callId, target);
        } catch (java.text.ParseException | javax.sip.InvalidArgumentException | javax.sip.SipException
                 | RuntimeException e) {
            LOG.info("INVITE to {} failed: {}", target, e.toString());
            remoteGone(Q850Cause.TEMPORARY_FAILURE);
        }
    }

    private String transport() {
        String t = target.getTransportParam();
        return t == null ? "udp" : t;
    }

    /** A response to this leg's INVITE (or a 2xx retransmission). */
    void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        if (cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
            return; // responses to our CANCEL, BYE, INFO
        }
        if (status < 200) {
            boolean sendCancel;
            boolean report;
            synchronized (this) {
                provisional = true;
                sendCancel = cancelPending;
                cancelPending = false;
                report = status > 100 && !alerted && !ended;
                if (report) {
                    alerted = true;
                }
            }
            if (sendCancel) {
                cancel();
            }
            if (report) {
                events.alerting();
            }
            return;
        }
        if (status < 300) {
            ack(event, cseq.getSeqNumber());
            boolean first;
            boolean byeNow;
            synchronized (this) {
                first = !answered;
                answered = true;
                byeNow = ended;
            }
            if (byeNow) {
                if (first) {
                    sendBye(Q850Cause.NORMAL_CALL_CLEARING); // answered after we cancelled
                }
                return;
            }
            if (first) {
                if (event.getDialog() != null) {
                    dialog = event.getDialog();
                }
                switch (SdpNegotiator.readAnswer(SipMessages.body(r), offered)) {
                    case SdpNegotiator.Negotiation.Agreed a -> applySelection(a.selection());
                    case SdpNegotiator.Negotiation.NotAcceptable n -> LOG.info("{}: unusable SDP answer ({})",
                            describe(), n.reason());
                }
                events.answered();
                subscribeKpml();
            }
            return;
        }
        synchronized (this) {
            if (ended) {
                b2bua.forget(this); // the 487 after our CANCEL
                return;
            }
        }
        if (status < 400 && redirectTarget(r).isPresent()) {
            redirect(r, status, redirectTarget(r).get());
            return;
        }
        remoteGone(causeOf(r, status));
    }

    /** The user part of a 3xx's first SIP Contact (RFC 3261 8.1.3.4), the number to redirect to. */
    private static java.util.Optional<String> redirectTarget(Response r) {
        javax.sip.header.ContactHeader c = (javax.sip.header.ContactHeader) r.getHeader(javax.sip.header.ContactHeader.NAME);
        if (c != null && c.getAddress().getURI() instanceof SipURI u && u.getUser() != null && !u.getUser().isEmpty()) {
            return java.util.Optional.of(u.getUser());
        }
        return java.util.Optional.empty();
    }

    /**
     * 3xx with a Contact: call forward by redirection ({@code FeatureService.redirect(call, number,
     * false)}: the caller is re-routed to the Contact's number and keeps its FAC status; call control
     * releases this leg). Refused (e.g. the call is already gone): the leg fails with the 3xx's cause.
     */
    private void redirect(Response r, int status, String number) {
        synchronized (this) {
            ended = true;
        }
        stream.close();
        b2bua.forget(this);
        LOG.info("{} redirected ({}) to {}", describe(), status, number);
        b2bua.calls().features().redirect(callRef(), number, false).thenAccept(o -> {
            switch (o) {
                case org.tollgate.callcontrol.feature.FeatureOutcome.Done d ->
                        LOG.debug("{}: redirected into call {}", describe(), d.call());
                case org.tollgate.callcontrol.feature.FeatureOutcome.Refused refused -> {
                    LOG.info("redirect from {} refused: {}", describe(), refused.reason());
                    events.released(causeOf(r, status));
                }
            }
        });
    }

    private void ack(ResponseEvent event, long seq) {
        Dialog d = event.getDialog() != null ? event.getDialog() : dialog;
        if (d == null) {
            return;
        }
        try {
            Request ack = d.createAck(seq);
            d.sendAck(ack);
        } catch (javax.sip.InvalidArgumentException | javax.sip.SipException | RuntimeException e) {
            LOG.debug("ACK on {} failed: {}", describe(), e.toString());
        }
    }

    private void release(Q850Cause cause) {
        boolean bye;
        boolean cancelNow;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            bye = answered;
            cancelNow = !answered && provisional;
            cancelPending = !answered && !provisional && inviteTx != null;
        }
        if (bye) {
            kpml.stop();
            sendBye(cause);
        } else if (cancelNow) {
            cancel();
        }
        stream.close();
        if (!cancelPending) {
            forgetAfterRefer();
        }
    }

    private void cancel() {
        ClientTransaction ct;
        synchronized (this) {
            ct = inviteTx;
        }
        try {
            Request cancel = ct.createCancel();
            b2bua.provider().getNewClientTransaction(cancel).sendRequest();
        } catch (javax.sip.SipException | RuntimeException e) {
            LOG.debug("CANCEL on {} failed: {}", describe(), e.toString());
        }
    }

    @Override void onRequest(RequestEvent event, ServerTransaction tx) {
        Request req = event.getRequest();
        switch (req.getMethod()) {
            case Request.ACK -> { }
            case Request.BYE -> {
                respond(tx, Response.OK);
                remoteGone(causeOf(req, 0));
            }
            case Request.INVITE -> reInvite(req, tx);
            case Request.REFER -> refer(req, tx);
            case Request.SUBSCRIBE -> kpml.onSubscribe(req, tx);
            default -> respond(tx, Response.METHOD_NOT_ALLOWED);
        }
    }

    /** No final response to the INVITE (Timer B). */
    void onTimeout() {
        b2bua.forget(this);
        remoteGone(Q850Cause.RECOVERY_ON_TIMER_EXPIRY);
    }
}
