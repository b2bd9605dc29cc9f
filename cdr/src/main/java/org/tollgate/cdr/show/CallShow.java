package org.tollgate.cdr.show;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallRecordFolder;
import org.tollgate.cdr.record.LegKind;

/**
 * The text of {@code show call active voice [brief]} and {@code show call history voice [brief |
 * last N]} (ios-reference "show call"): header counts, then per leg a {@code GENERIC:} block and a
 * {@code TELE:} or {@code VOIP:} block. Times ({@code SetupTime}, {@code ConnectTime},
 * {@code DisconnectTime}) are uptime clock values in ms since {@code boot}.
 *
 * <p>tollgate's additions (not published by Cisco): {@code FacDigits=} and {@code FacStatus=}
 * (empty when the call went through no FAC step) and {@code InLpcorGroup=}/{@code OutLpcorGroup=}
 * in the GENERIC block. {@code CallID} is call control's call number (what {@code clear call
 * voice id} takes); history legs carry the connection id only.
 *
 * <p>Brief form, three lines per leg:
 * <pre>
 * 1A2B... : 7 126640ms.1 +3660 pid:11 Originate 99329 active
 *  dur 00:00:47 tx:0/0 rx:0/0 fac:success/786
 *  Tele port 0/1/1 (disc: ) 
 * </pre>
 */
public final class CallShow {
    private CallShow() {
    }

    /** {@code show call active voice}. */
    public static String active(List<CallRecordFolder.ActiveCall> calls, Instant boot, Instant now, boolean brief) {
        List<CallLegRecord> legs = calls.stream().flatMap(c -> c.legs().stream()).toList();
        StringBuilder sb = header(legs);
        int index = 0;
        for (CallRecordFolder.ActiveCall c : calls) {
            for (CallLegRecord r : c.legs()) {
                index++;
                leg(sb, r, Optional.of(c.ref().id()), index, boot, now, brief);
            }
        }
        return sb.toString();
    }

    /** {@code show call history voice}; {@code last} keeps only the last N legs. */
    public static String history(List<CallLegRecord> legs, Instant boot, Instant now, boolean brief,
                                 Optional<Integer> last) {
        List<CallLegRecord> shown = last.filter(n -> n < legs.size()).map(n -> legs.subList(legs.size() - n,
                legs.size())).orElse(legs);
        StringBuilder sb = header(shown);
        int index = 0;
        for (CallLegRecord r : shown) {
            index++;
            leg(sb, r, Optional.empty(), index, boot, now, brief);
        }
        return sb.toString();
    }

    private static StringBuilder header(List<CallLegRecord> legs) {
        long tele = legs.stream().filter(l -> l.kind() == LegKind.TELE).count();
        long sip = legs.size() - tele;
        return new StringBuilder()
                .append("Telephony call-legs: ").append(tele).append('\n')
                .append("SIP call-legs: ").append(sip).append('\n')
                .append("H323 call-legs: 0\n")
                .append("Call agent controlled call-legs: 0\n")
                .append("Multicast call-legs: 0\n")
                .append("Total call-legs: ").append(legs.size()).append('\n');
    }

    private static long uptime(Instant boot, Instant t) {
        return Math.max(0, Duration.between(boot, t).toMillis());
    }

    static String hms(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    private static String state(CallLegRecord r) {
        return r.ended() ? "disconnected" : switch (r.progress()) {
            case CONNECTING -> "connecting";
            case ALERTING -> "alerting";
            case ACTIVE -> "active";
        };
    }

    private static void leg(StringBuilder sb, CallLegRecord r, Optional<Long> callId, int index, Instant boot,
                            Instant now, boolean brief) {
        if (brief) {
            sb.append(r.connectionId().compact()).append(" : ").append(callId.map(String::valueOf).orElse("-"))
                    .append(' ').append(uptime(boot, r.setupTime())).append("ms.").append(index)
                    .append(" +").append(r.connectTime().map(c -> Long.toString(
                            Duration.between(r.setupTime(), c).toMillis())).orElse("-1"))
                    .append(" pid:").append(r.peerId())
                    .append(r.origin() == org.tollgate.cdr.record.CallOrigin.ANSWER ? " Answer " : " Originate ")
                    .append(r.peerAddress()).append(' ').append(state(r)).append('\n');
            sb.append(" dur ").append(hms(r.duration(now))).append(" tx:").append(r.counters().transmitPackets())
                    .append('/').append(r.counters().transmitBytes()).append(" rx:")
                    .append(r.counters().receivePackets()).append('/').append(r.counters().receiveBytes());
            if (r.facStatus().isPresent()) {
                sb.append(" fac:").append(r.facStatusText()).append('/').append(r.facDigits());
            }
            sb.append('\n');
            sb.append(r.kind() == LegKind.TELE ? " Tele " : " IP ").append(r.endpoint());
            if (r.ended()) {
                sb.append(" cause:").append(r.disconnectCauseHex()).append(' ').append(r.disconnectText());
            }
            sb.append('\n');
            return;
        }
        sb.append("GENERIC:\n");
        kv(sb, "SetupTime", uptime(boot, r.setupTime()) + " ms");
        kv(sb, "Index", Integer.toString(index));
        kv(sb, "PeerAddress", r.peerAddress());
        kv(sb, "PeerSubAddress", r.peerSubAddress());
        kv(sb, "PeerId", Integer.toString(r.peerId()));
        kv(sb, "PeerIfIndex", "0");
        kv(sb, "LogicalIfIndex", "0");
        r.connectTime().ifPresent(c -> kv(sb, "ConnectTime", uptime(boot, c) + " ms"));
        kv(sb, "CallDuration", hms(r.duration(now)) + " sec");
        kv(sb, "CallState", Integer.toString(r.progress().code()));
        kv(sb, "CallOrigin", Integer.toString(r.origin().code()));
        kv(sb, "ChargedUnits", "0");
        kv(sb, "InfoType", r.infoType());
        kv(sb, "TransmitPackets", Long.toString(r.counters().transmitPackets()));
        kv(sb, "TransmitBytes", Long.toString(r.counters().transmitBytes()));
        kv(sb, "ReceivePackets", Long.toString(r.counters().receivePackets()));
        kv(sb, "ReceiveBytes", Long.toString(r.counters().receiveBytes()));
        if (r.ended()) {
            kv(sb, "DisconnectCause", r.disconnectCauseHex());
            kv(sb, "DisconnectText", r.disconnectText());
            kv(sb, "DisconnectTime", uptime(boot, r.disconnectTime().orElseThrow()) + " ms");
            kv(sb, "ReleaseSource", r.releaseSource().map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .orElse(""));
        }
        kv(sb, "FacDigits", r.facDigits());
        kv(sb, "FacStatus", r.facStatusText());
        kv(sb, "InLpcorGroup", r.lpcorIn().orElse(""));
        kv(sb, "OutLpcorGroup", r.lpcorOut().orElse(""));
        sb.append(r.kind() == LegKind.TELE ? "TELE:\n" : "VOIP:\n");
        sb.append("ConnectionId").append(r.connectionId().showForm()).append('\n');
        sb.append("IncomingConnectionId").append(r.connectionId().showForm()).append('\n');
        callId.ifPresent(id -> kv(sb, "CallID", Long.toString(id)));
        kv(sb, r.kind() == LegKind.TELE ? "Port" : "RemoteTarget", r.endpoint());
        kv(sb, "CallingNumber", r.callingNumber());
        kv(sb, "CalledNumber", r.calledNumber());
        kv(sb, "CoderTypeRate", r.coder());
        sb.append('\n');
    }

    private static void kv(StringBuilder sb, String k, String v) {
        sb.append(k).append('=').append(v).append('\n');
    }
}
