package org.tollgate.harness.sip.phone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One call (dialog) of a {@link SipPhone}: placed with {@link SipPhone#call} or offered to the phone
 * ({@link SipPhone#awaitIncoming}). Thread-safe; every {@code await...} waits with a ceiling of
 * {@link SipPhone#WAIT} for something the gateway must do (it is not a timing assertion).
 *
 * <p>What a test can see: the {@link State}, every status received ({@link #statuses}), the BYE's
 * {@code Reason}, the sipfrag bodies of {@code refer} NOTIFYs ({@link #referNotifies}), whether the
 * peer holds the call, and the RTP {@link #media()}.
 */
public final class PhoneCall {
    /** Dialog state as the phone sees it (RFC 3261 12). */
    public enum State {
        /** INVITE sent / received, no dialog yet (outgoing) or not answered (incoming, ringing). */
        CALLING,
        /** A provisional response with a To tag arrived (outgoing), or 180 was sent (incoming). */
        EARLY,
        /** 2xx sent or received. */
        CONFIRMED,
        /** Over: refused, cancelled, BYE either way, or timed out. */
        TERMINATED
    }

    /** A dialog's identity for {@code Replaces} (RFC 3891): Call-ID and this phone's and the peer's tags. */
    public record DialogId(String callId, String localTag, String remoteTag) {
        /**
         * The {@code Replaces} value a third party sends to this dialog's <em>peer</em> (the gateway):
         * the peer's tag is its local one (to-tag), this phone's tag its remote one (from-tag).
         */
        public String replacesAtPeer() {
            return callId + ";to-tag=" + remoteTag + ";from-tag=" + localTag;
        }
    }

    final SipPhone phone;
    final boolean outgoing;
    final String callId;
    final PhoneRtp rtp;
    final String number;
    // guarded by this
    private State state = State.CALLING;
    private final List<Integer> statuses = new ArrayList<>();
    private final List<String> referNotifies = new ArrayList<>();
    private final List<String> referStates = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private Dialog dialog;
    ClientTransaction inviteCt;
    ServerTransaction inviteSt;
    private String remoteSdp = "";
    private boolean remoteHold;
    private boolean endedByPeer;
    private String byeReason = "";
    private long sdpVersion = 1;

    PhoneCall(SipPhone phone, boolean outgoing, String callId, PhoneRtp rtp, String number) {
        this.phone = phone;
        this.outgoing = outgoing;
        this.callId = callId;
        this.rtp = rtp;
        this.number = number;
    }

    /** The values of header {@code name} in the INVITE that offered this incoming call (empty for outgoing calls). */
    public synchronized List<String> offerHeaders(String name) {
        if (inviteSt == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        inviteSt.getRequest().getHeaders(name).forEachRemaining(h -> {
            String text = h.toString().trim();
            values.add(text.substring(text.indexOf(':') + 1).trim());
        });
        return values;
    }

    /** The other party's number: the called number (outgoing) or the caller's From user (incoming). */
    public String number() {
        return number;
    }

    public String callId() {
        return callId;
    }

    public boolean outgoing() {
        return outgoing;
    }

    public PhoneRtp media() {
        return rtp;
    }

    public synchronized State state() {
        return state;
    }

    /** Every status code received for this call's INVITE (outgoing) or sent (incoming), in order. */
    public synchronized List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    /** The final status of the INVITE (0 while none). */
    public synchronized int finalStatus() {
        return statuses.stream().filter(s -> s >= 200).findFirst().orElse(0);
    }

    /** The sipfrag bodies of {@code Event: refer} NOTIFYs received in this dialog. */
    public synchronized List<String> referNotifies() {
        return List.copyOf(referNotifies);
    }

    /** The {@code Subscription-State} values ({@code active}, {@code terminated}) of those NOTIFYs, in order. */
    public synchronized List<String> referStates() {
        return List.copyOf(referStates);
    }

    /** Bodies of INFO requests received (DTMF relay). */
    public synchronized List<String> infos() {
        return List.copyOf(infos);
    }

    /** True when the peer's last SDP put this call on hold. */
    public synchronized boolean heldByPeer() {
        return remoteHold;
    }

    /** True when the peer ended the call (BYE or CANCEL from it). */
    public synchronized boolean endedByPeer() {
        return endedByPeer;
    }

    /** The {@code Reason} header of the peer's BYE or CANCEL (empty if none). */
    public synchronized String byeReason() {
        return byeReason;
    }

    /** This dialog's identity (waits, with the ceiling, for the dialog to have both tags). */
    public synchronized DialogId dialogId() {
        awaitDialog();
        if (dialog == null || dialog.getLocalTag() == null || dialog.getRemoteTag() == null) {
            throw new IllegalStateException("no dialog yet for " + callId);
        }
        return new DialogId(callId, dialog.getLocalTag(), dialog.getRemoteTag());
    }

    synchronized Dialog dialog() {
        return dialog;
    }

    /** Waits (with the ceiling) until the dialog has the peer's tag (a provisional or final response came). */
    boolean awaitDialog() {
        return awaitTrue(c -> c.dialog != null && c.dialog.getLocalTag() != null && c.dialog.getRemoteTag() != null,
                SipPhone.WAIT);
    }

    // ---- actions ----

    /** Answers an incoming call (200 OK with the phone's SDP answer). */
    public void answer() {
        phone.answer(this);
    }

    /** Refuses an incoming call with {@code status} (e.g. 486 busy, 603 decline). */
    public void refuse(int status) {
        phone.refuse(this, status);
    }

    /** Answers an incoming call {@code 302 Moved Temporarily} with {@code Contact: sip:number@gateway} (the phone's own forward). */
    public void redirect(String number) {
        phone.redirect(this, number);
    }

    /** Ends the call: BYE when confirmed, CANCEL when outgoing and not answered, 603 when incoming and ringing. */
    public void hangUp() {
        phone.hangUp(this);
    }

    /** Ends a confirmed call with BYE and returns the BYE's final status. */
    public int bye() {
        return phone.bye(this);
    }

    /** Re-INVITE with {@code a=sendonly} (RFC 3264 8.4) and waits for its 200. */
    public void hold() {
        phone.reInvite(this, PhoneSdp.Direction.SENDONLY);
    }

    /** Re-INVITE with {@code a=sendrecv} and waits for its 200. */
    public void resume() {
        phone.reInvite(this, PhoneSdp.Direction.SENDRECV);
    }

    /** REFER to {@code number} (blind transfer, RFC 3515); returns the REFER's final status. */
    public int refer(String number) {
        return phone.refer(this, number, Optional.empty());
    }

    /**
     * REFER to {@code number} with {@code Replaces} naming {@code replaced} (attended transfer, RFC 3891):
     * {@code replaced} is this phone's other dialog with the gateway (the consult call).
     */
    public int referReplacing(String number, PhoneCall replaced) {
        return phone.refer(this, number, Optional.of(replaced.dialogId().replacesAtPeer()));
    }

    /**
     * While this incoming call rings: forwards it by a REFER outside the dialog with
     * {@code Target-Dialog} (RFC 4538) naming this early dialog (RFC 3261 stacks such as the RI
     * refuse a REFER inside a dialog whose INVITE is pending with 491). The NOTIFYs of the REFER's
     * subscription are recorded on this call ({@link #referNotifies}). Returns the REFER's final status.
     */
    public int forwardByRefer(String number) {
        return phone.referOutsideDialog(this, number);
    }

    /** DTMF by SIP INFO {@code application/dtmf-relay}, one request per digit (each answered before the next). */
    public void sendDigits(String digits) {
        for (char c : digits.toCharArray()) {
            phone.info(this, "Signal=" + c + "\r\nDuration=160\r\n");
        }
    }

    // ---- waiting ----

    /** Waits until the state is {@code wanted} (or, for earlier states, has passed it); false at the ceiling. */
    public boolean awaitState(State wanted) {
        return awaitTrue(c -> c.state.ordinal() >= wanted.ordinal(), SipPhone.WAIT);
    }

    /** Waits until the state is {@code wanted}; throws {@link AssertionError} at the ceiling. */
    public PhoneCall expectState(State wanted) {
        if (!awaitState(wanted) || state() != wanted) {
            throw new AssertionError(this + ": expected " + wanted + " but is " + state() + " " + statuses());
        }
        return this;
    }

    /** Waits for a status (e.g. 183) to be received or sent; false at the ceiling. */
    public boolean awaitStatus(int status) {
        return awaitTrue(c -> c.statuses.contains(status), SipPhone.WAIT);
    }

    /**
     * Waits for the refer NOTIFY that ends the subscription ({@code Subscription-State: terminated})
     * and returns its sipfrag's status line; throws {@link AssertionError} at the ceiling.
     */
    public String awaitFinalReferNotify() {
        if (!awaitTrue(c -> c.referStates.stream().anyMatch("terminated"::equalsIgnoreCase), SipPhone.WAIT)) {
            throw new AssertionError(this + ": no final refer NOTIFY, got " + referNotifies());
        }
        synchronized (this) {
            return referNotifies.get(referStates.indexOf(referStates.stream()
                    .filter("terminated"::equalsIgnoreCase).findFirst().orElseThrow())).trim();
        }
    }

    /** Waits for a refer NOTIFY whose sipfrag contains {@code text}; false at the ceiling. */
    public boolean awaitReferNotify(String text) {
        return awaitTrue(c -> c.referNotifies.stream().anyMatch(b -> b.contains(text)), SipPhone.WAIT);
    }

    /** Waits until the RTP media hears {@code hz} (see {@link PhoneRtp#hears}); false at the ceiling. */
    public boolean awaitHearing(double hz) {
        return SipPhone.poll(() -> rtp.hears(hz), SipPhone.WAIT);
    }

    /** Waits until this phone is no longer hearing {@code hz}; false at the ceiling. */
    public boolean awaitNotHearing(double hz) {
        return SipPhone.poll(() -> !rtp.hears(hz), SipPhone.WAIT);
    }

    synchronized boolean awaitTrue(Predicate<PhoneCall> condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    // ---- updates from the phone's listener ----

    synchronized void status(int status) {
        statuses.add(status);
        notifyAll();
    }

    synchronized void state(State s) {
        if (state != State.TERMINATED) {
            state = s;
        }
        if (s == State.TERMINATED) {
            rtp.stop();
        }
        notifyAll();
    }

    synchronized void dialog(Dialog d) {
        if (d != null) {
            dialog = d;
        }
        notifyAll();
    }

    synchronized void remoteSdp(String sdp) {
        if (sdp.isEmpty()) {
            return;
        }
        remoteSdp = sdp;
        PhoneSdp.read(sdp).ifPresent(r -> {
            remoteHold = r.hold();
            if (!r.address().getAddress().isAnyLocalAddress()) {
                rtp.remote(r.address(), r.g711PayloadType());
            }
        });
        notifyAll();
    }

    synchronized String remoteSdp() {
        return remoteSdp;
    }

    synchronized void endedByPeer(Request req) {
        endedByPeer = true;
        javax.sip.header.Header reason = req.getHeader("Reason");
        byeReason = reason == null ? "" : reason.toString().trim();
        state(State.TERMINATED);
    }

    synchronized void referNotify(String body, String subscriptionState) {
        referNotifies.add(body);
        referStates.add(subscriptionState);
        notifyAll();
    }

    synchronized void info(String body) {
        infos.add(body);
        notifyAll();
    }

    synchronized long nextSdpVersion() {
        return ++sdpVersion;
    }

    static boolean isFinal(Response r) {
        return r.getStatusCode() >= 200;
    }

    @Override public synchronized String toString() {
        return (outgoing ? "call to " : "call from ") + number + " (" + callId + ", " + state + ")";
    }
}
