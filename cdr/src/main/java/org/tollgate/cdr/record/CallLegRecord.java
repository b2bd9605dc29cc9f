package org.tollgate.cdr.record;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;

/**
 * One call leg's detail record, folded from call control's record events (never from live call
 * objects) by {@link CallRecordFolder}. An active leg has no disconnect time, cause or release
 * source; a finished leg (a STOP record) has all three.
 *
 * @param recordId       unique id of this leg's record across restarts and gateways:
 *                       {@code <connectionId>-<legIndex>}; the key of the store and of every sink queue
 * @param connectionId   shared by the legs of one call
 * @param legIndex       1 for the incoming leg, 2.. for outgoing attempts in order
 * @param peerAddress    the far end's number: the calling number on the incoming leg, the called
 *                       number on an outgoing leg
 * @param peerId         the dial-peer tag of an outgoing leg; 0 on the incoming leg
 * @param endpoint       where the leg goes: voice-port, {@code session target ...}, {@code ephone N}
 * @param facDigits      the collected FAC digits (never a password), empty when none
 * @param lpcorIn        the caller's LPCOR group; an empty name means none
 * @param infoType       always {@code speech} for now
 */
public record CallLegRecord(String recordId, ConnectionId connectionId, int legIndex, LegKind kind,
                            CallOrigin origin, String peerAddress, String peerSubAddress, int peerId,
                            String endpoint, String callingNumber, String calledNumber, Instant setupTime,
                            Optional<Instant> connectTime, Optional<Instant> disconnectTime,
                            Optional<Q850Cause> cause, Optional<ReleaseSource> releaseSource, LegProgress progress,
                            String infoType, MediaCounters counters, String coder, String facDigits,
                            Optional<FacStatus> facStatus, Optional<String> lpcorIn, Optional<String> lpcorOut) {

    public CallLegRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(setupTime, "setupTime");
        peerAddress = peerAddress == null ? "" : peerAddress;
        peerSubAddress = peerSubAddress == null ? "" : peerSubAddress;
        endpoint = endpoint == null ? "" : endpoint;
        callingNumber = callingNumber == null ? "" : callingNumber;
        calledNumber = calledNumber == null ? "" : calledNumber;
        coder = coder == null ? "" : coder;
        facDigits = facDigits == null ? "" : facDigits;
        lpcorIn = lpcorIn.filter(g -> !g.isEmpty());
        lpcorOut = lpcorOut.filter(g -> !g.isEmpty());
    }

    /** The record id of leg {@code legIndex} of call {@code id}. */
    public static String recordId(ConnectionId id, int legIndex) {
        return id.compact() + "-" + legIndex;
    }

    /** True once the leg has ended (a STOP record). */
    public boolean ended() {
        return disconnectTime.isPresent();
    }

    /** Connected time until disconnect (or {@code now} for an active leg); zero if never connected. */
    public Duration duration(Instant now) {
        return connectTime.map(c -> Duration.between(c, disconnectTime.orElse(now)))
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }

    /** {@code fac-status} / {@code FacStatus=} text: {@code success}, {@code failure}, ... or empty. */
    public String facStatusText() {
        return facStatus.map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).orElse("");
    }

    /** IOS {@code DisconnectText}: {@code normal call clearing (16)}; empty while active. */
    public String disconnectText() {
        return cause.map(Q850Cause::describe).orElse("");
    }

    /** The cause in hex as IOS prints it ({@code 10} for 16); empty while active. */
    public String disconnectCauseHex() {
        return cause.map(Q850Cause::hex).orElse("");
    }
}
