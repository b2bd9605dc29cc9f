package org.tollgate.gateway.sip.b2bua;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.callcontrol.call.CallRef;
import org.tollgate.callcontrol.engine.DetachedLeg;
import org.tollgate.callcontrol.feature.FeatureOutcome;
import org.tollgate.callcontrol.feature.Side;
import org.tollgate.callcontrol.feature.conference.ConferenceBridge;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.dsp.rtp.RtpStream;
import org.tollgate.gateway.sip.sdp.SdpNegotiator;

/**
 * The gateway as an RFC 4579 conference focus for ad-hoc 3-party conferences started from a SIP
 * phone. The phone B, which has a held call with A and an answered consult call with C (both
 * dialogs with the gateway), INVITEs the <em>conference factory URI</em>
 * {@code sip:}{@value #FACTORY_USER}{@code @gateway} (RFC 4579 section 5.4): the gateway answers at
 * once with {@code 200 OK} whose Contact carries {@code ;isfocus} (section 4.1) and no call is
 * routed. B then REFERs the focus, inside that dialog, to each party to add, with {@code Replaces}
 * naming B's dialog with that party (section 5.10, "adding a participant by REFER with Replaces";
 * RFC 3891). Because the gateway is a B2BUA it owns the other end of both named dialogs, so it
 * needs no INVITE with Replaces: once both dialogs are named, {@code FeatureService.conference(
 * original, side of B, consult, this leg)} joins A, B (on this focus dialog) and C in a software
 * conference and releases B's two old dialogs (BYE, {@code Reason: Q.850;cause=16}).
 *
 * <p>Each REFER is answered {@code 202 Accepted} and an {@code Event: refer;id=CSeq} NOTIFY of
 * {@code SIP/2.0 100 Trying} (subscription active); when the conference is formed (or refused)
 * both subscriptions end with {@code SIP/2.0 200 OK} (or {@code 603 Declined}). Limits: a REFER
 * without {@code Replaces} (dial a new participant from the focus) gets {@code 403}; a Replaces
 * naming no dialog of the gateway gets {@code 481}; the conference has 3 parties, so a REFER
 * after it formed gets {@code 403}. The focus dialog itself is no call of call control, so it has
 * no CDR leg; the conference's feature records ({@code CONF}) name B's consult call.
 */
final class FocusLeg extends InboundLeg {
    private static final Logger LOG = LoggerFactory.getLogger(FocusLeg.class);
    /** The user part of the conference factory URI (configure SIP phones' conference URI to it). */
    static final String FACTORY_USER = "conference";

    /** A dialog named by a REFER's Replaces: the call it belongs to and the initiator's side there. */
    private record Named(CallRef call, Side side, long referCseq) {
    }

    private volatile DetachedLeg adopted;
    // guarded by this
    private final List<Named> named = new ArrayList<>();
    private boolean formed;

    FocusLeg(SipB2bua b2bua, RtpStream stream, ServerTransaction inviteTx, String callId, String answerSdp,
             SdpNegotiator.MediaSelection selection, LegMedia media) {
        super(b2bua, stream, inviteTx, callId, answerSdp, selection, FACTORY_USER, media);
    }

    /** True when an INVITE to {@code calledUser} asks for a conference focus. */
    static boolean isFactory(String calledUser) {
        return FACTORY_USER.equalsIgnoreCase(calledUser);
    }

    /** Takes the dialog out of call routing (held by the feature service) and answers it as a focus. */
    void open() {
        DetachedLeg d = b2bua.calls().features().adopt(this);
        adopted = d;
        bind(d.events());
        handle(new LegCommand.Connect(ConferenceBridge.BRIDGE_LEG));
        LOG.info("conference focus {} opened", callId());
    }

    @Override ContactHeader contactHeader() throws ParseException {
        return asFocus(super.contactHeader());
    }

    /** {@code contact} with the RFC 4579 section 4.1 feature parameter {@code isfocus} (a flag, no value). */
    static ContactHeader asFocus(ContactHeader contact) throws ParseException {
        contact.setParameter("isfocus", null);
        return contact;
    }

    @Override protected void refer(Request req, ServerTransaction tx) {
        ReferToHeader rt = (ReferToHeader) req.getHeader(ReferToHeader.NAME);
        if (rt == null || !(rt.getAddress().getURI() instanceof SipURI target)) {
            respond(tx, Response.BAD_REQUEST);
            return;
        }
        String replaces = target.getHeader("Replaces");
        if (replaces == null) {
            LOG.info("REFER to focus {} without Replaces: adding a new participant is not supported", callId());
            respond(tx, Response.FORBIDDEN);
            return;
        }
        String replacedCallId = URLDecoder.decode(replaces, StandardCharsets.UTF_8).split(";", 2)[0];
        Optional<SipLeg> leg = b2bua.leg(replacedCallId);
        if (leg.isEmpty() || leg.get() == this || leg.get().callRef() == null || leg.get().side() == null) {
            respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        long cseq = ((CSeqHeader) req.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Named n = new Named(leg.get().callRef(), leg.get().side(), cseq);
        List<Named> both;
        synchronized (this) {
            if (formed || named.size() >= 2) {
                both = null;
            } else {
                named.removeIf(x -> x.call().equals(n.call()));
                named.add(n);
                both = named.size() == 2 ? List.copyOf(named) : List.of();
                formed = named.size() == 2;
            }
        }
        if (both == null) {
            LOG.info("REFER to focus {}: the conference already has its parties", callId());
            respond(tx, Response.FORBIDDEN);
            return;
        }
        respond(tx, Response.ACCEPTED);
        notifyRefer(cseq, "SIP/2.0 100 Trying", false);
        LOG.info("REFER to focus {}: add the other party of {} ({} named)", callId(), n.call(), both.isEmpty() ? 1 : 2);
        if (both.size() == 2) {
            form(both);
        }
    }

    /**
     * Both dialogs named: the consult call is the one the initiator placed (it is the caller there),
     * the newer one when it placed both; the other is the original call.
     */
    private void form(List<Named> both) {
        Named x = both.get(0);
        Named y = both.get(1);
        boolean xIsConsult = x.side() == Side.CALLER
                && (y.side() != Side.CALLER || x.call().id() > y.call().id());
        Named consult = xIsConsult ? x : y;
        Named original = xIsConsult ? y : x;
        LOG.info("conference focus {}: original {} (initiator {}), consult {}", callId(), original.call(),
                original.side(), consult.call());
        b2bua.calls().features().conference(original.call(), original.side(), consult.call(),
                Optional.of(adopted)).whenComplete((o, ex) -> {
                    boolean ok = ex == null && o instanceof FeatureOutcome.Done;
                    if (!ok) {
                        LOG.info("conference focus {}: refused ({})", callId(),
                                ex != null ? ex.toString() : ((FeatureOutcome.Refused) o).reason());
                    }
                    String frag = ok ? "SIP/2.0 200 OK" : "SIP/2.0 603 Declined";
                    for (Named n : both) {
                        notifyRefer(n.referCseq(), frag, true);
                    }
                });
    }

    /** A NOTIFY for the implicit subscription of the REFER with CSeq {@code cseq} (RFC 3515 2.4.4-2.4.6). */
    private void notifyRefer(long cseq, String sipfrag, boolean terminated) {
        Dialog d = dialog;
        if (d == null) {
            return;
        }
        b2bua.sendInDialog(d, Request.NOTIFY, r -> {
            EventHeader event = b2bua.messages().headers.createEventHeader("refer");
            event.setEventId(Long.toString(cseq));
            r.addHeader(event);
            r.addHeader(b2bua.messages().headers.createSubscriptionStateHeader(
                    terminated ? "terminated;reason=noresource" : "active;expires=60"));
            r.setContent(sipfrag + "\r\n", b2bua.messages().headers.createContentTypeHeader("message", "sipfrag"));
        });
    }
}
