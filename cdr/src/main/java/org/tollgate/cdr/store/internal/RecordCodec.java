package org.tollgate.cdr.store.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tollgate.callcontrol.cause.Q850Cause;
import org.tollgate.callcontrol.record.FacStatus;
import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallOrigin;
import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.LegKind;
import org.tollgate.cdr.record.LegProgress;
import org.tollgate.cdr.record.MediaCounters;

/**
 * A {@link CallLegRecord} as text: one {@code Name=value} line per field in a fixed order, absent
 * optionals as empty values, {@code \} and line breaks escaped. Used for the store's {@code body}
 * column and for the golden record files. Times are ISO-8601 instants.
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    public static String encode(CallLegRecord r) {
        StringBuilder sb = new StringBuilder(768);
        line(sb, "RecordId", r.recordId());
        line(sb, "ConnectionId", r.connectionId().compact());
        line(sb, "LegIndex", Integer.toString(r.legIndex()));
        line(sb, "LegKind", r.kind().name());
        line(sb, "CallOrigin", r.origin().name());
        line(sb, "PeerAddress", r.peerAddress());
        line(sb, "PeerSubAddress", r.peerSubAddress());
        line(sb, "PeerId", Integer.toString(r.peerId()));
        line(sb, "Endpoint", r.endpoint());
        line(sb, "CallingNumber", r.callingNumber());
        line(sb, "CalledNumber", r.calledNumber());
        line(sb, "SetupTime", r.setupTime().toString());
        line(sb, "ConnectTime", r.connectTime().map(Instant::toString).orElse(""));
        line(sb, "DisconnectTime", r.disconnectTime().map(Instant::toString).orElse(""));
        line(sb, "DisconnectCause", r.cause().map(c -> Integer.toString(c.value())).orElse(""));
        line(sb, "ReleaseSource", r.releaseSource().map(Enum::name).orElse(""));
        line(sb, "CallState", r.progress().name());
        line(sb, "InfoType", r.infoType());
        line(sb, "TransmitPackets", Long.toString(r.counters().transmitPackets()));
        line(sb, "TransmitBytes", Long.toString(r.counters().transmitBytes()));
        line(sb, "ReceivePackets", Long.toString(r.counters().receivePackets()));
        line(sb, "ReceiveBytes", Long.toString(r.counters().receiveBytes()));
        line(sb, "Coder", r.coder());
        line(sb, "FacDigits", r.facDigits());
        line(sb, "FacStatus", r.facStatus().map(Enum::name).orElse(""));
        line(sb, "InLpcorGroup", r.lpcorIn().orElse(""));
        line(sb, "OutLpcorGroup", r.lpcorOut().orElse(""));
        return sb.toString();
    }

    public static CallLegRecord decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : text.split("\n")) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), unescape(l.substring(eq + 1)));
            }
        }
        return new CallLegRecord(m.get("RecordId"), ConnectionId.parse(m.get("ConnectionId")),
                Integer.parseInt(m.get("LegIndex")), LegKind.valueOf(m.get("LegKind")),
                CallOrigin.valueOf(m.get("CallOrigin")), m.get("PeerAddress"), m.get("PeerSubAddress"),
                Integer.parseInt(m.get("PeerId")), m.get("Endpoint"), m.get("CallingNumber"), m.get("CalledNumber"),
                Instant.parse(m.get("SetupTime")), opt(m, "ConnectTime").map(Instant::parse),
                opt(m, "DisconnectTime").map(Instant::parse),
                opt(m, "DisconnectCause").map(v -> Q850Cause.of(Integer.parseInt(v))),
                opt(m, "ReleaseSource").map(ReleaseSource::valueOf), LegProgress.valueOf(m.get("CallState")),
                m.get("InfoType"), new MediaCounters(Long.parseLong(m.get("TransmitPackets")),
                        Long.parseLong(m.get("TransmitBytes")), Long.parseLong(m.get("ReceivePackets")),
                        Long.parseLong(m.get("ReceiveBytes"))), m.get("Coder"), m.get("FacDigits"),
                opt(m, "FacStatus").map(FacStatus::valueOf), opt(m, "InLpcorGroup"), opt(m, "OutLpcorGroup"));
    }

    private static Optional<String> opt(Map<String, String> m, String k) {
        return Optional.ofNullable(m.get(k)).filter(v -> !v.isEmpty());
    }

    private static void line(StringBuilder sb, String k, String v) {
        sb.append(k).append('=');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        sb.append('\n');
    }

    private static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
