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
 * A {@link CallLegRecord} as text. Readable form ({@link #encode}, golden files): one {@code Name=value}
 * line per field in a fixed order; compact form ({@link #encodeCompact}, the store body): the values
 * only, after a {@code cdr1} version line. Absent
 * optionals as empty values, {@code \} and line breaks escaped. Used for the store's {@code body}
 * column and for the golden record files. Times are ISO-8601 instants.
 */
public final class RecordCodec {
    private RecordCodec() {
    }

    /** Field names in their fixed order (the store form relies on it). */
    private static final String[] NAMES = {"RecordId", "ConnectionId", "LegIndex", "LegKind", "CallOrigin",
        "PeerAddress", "PeerSubAddress", "PeerId", "Endpoint", "CallingNumber", "CalledNumber", "SetupTime",
        "ConnectTime", "DisconnectTime", "DisconnectCause", "ReleaseSource", "CallState", "InfoType",
        "TransmitPackets", "TransmitBytes", "ReceivePackets", "ReceiveBytes", "Coder", "FacDigits", "FacStatus",
        "InLpcorGroup", "OutLpcorGroup"};
    /** First line of the compact store form. */
    private static final String COMPACT_V1 = "cdr1";

    /** The readable form: {@code Name=value} lines (golden files). */
    public static String encode(CallLegRecord r) {
        String[] v = values(r);
        StringBuilder sb = new StringBuilder(1024);
        for (int i = 0; i < NAMES.length; i++) {
            line(sb, NAMES[i], v[i]);
        }
        return sb.toString();
    }

    /** The compact store form: {@code cdr1} then the values only, one per line, in {@link #NAMES} order. */
    public static String encodeCompact(CallLegRecord r) {
        String[] v = values(r);
        StringBuilder sb = new StringBuilder(512).append(COMPACT_V1).append('\n');
        for (String x : v) {
            escape(sb, x);
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String[] values(CallLegRecord r) {
        String[] v = new String[NAMES.length];
        int i = 0;
        v[i++] = r.recordId();
        v[i++] = r.connectionId().compact();
        v[i++] = Integer.toString(r.legIndex());
        v[i++] = r.kind().name();
        v[i++] = r.origin().name();
        v[i++] = r.peerAddress();
        v[i++] = r.peerSubAddress();
        v[i++] = Integer.toString(r.peerId());
        v[i++] = r.endpoint();
        v[i++] = r.callingNumber();
        v[i++] = r.calledNumber();
        v[i++] = r.setupTime().toString();
        v[i++] = r.connectTime().map(Instant::toString).orElse("");
        v[i++] = r.disconnectTime().map(Instant::toString).orElse("");
        v[i++] = r.cause().map(c -> Integer.toString(c.value())).orElse("");
        v[i++] = r.releaseSource().map(Enum::name).orElse("");
        v[i++] = r.progress().name();
        v[i++] = r.infoType();
        v[i++] = Long.toString(r.counters().transmitPackets());
        v[i++] = Long.toString(r.counters().transmitBytes());
        v[i++] = Long.toString(r.counters().receivePackets());
        v[i++] = Long.toString(r.counters().receiveBytes());
        v[i++] = r.coder();
        v[i++] = r.facDigits();
        v[i++] = r.facStatus().map(Enum::name).orElse("");
        v[i++] = r.lpcorIn().orElse("");
        v[i++] = r.lpcorOut().orElse("");
        return v;
    }

    /** Decodes either form ({@link #encode} or {@link #encodeCompact}). */
    public static CallLegRecord decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        if (text.startsWith(COMPACT_V1 + "\n")) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < NAMES.length; i++) {
                m.put(NAMES[i], unescape(lines[i + 1]));
            }
        } else {
            for (String l : text.split("\n")) {
                int eq = l.indexOf('=');
                if (eq > 0) {
                    m.put(l.substring(0, eq), unescape(l.substring(eq + 1)));
                }
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
        escape(sb, v);
        sb.append('\n');
    }

    /** Appends {@code v} with {@code \\}, line feed and carriage return escaped (shared with the feature codec). */
    static void escapeTo(StringBuilder sb, String v) {
        escape(sb, v);
    }

    /** Reverses {@link #escapeTo}. */
    static String unescapeFrom(String v) {
        return unescape(v);
    }

    private static void escape(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
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
