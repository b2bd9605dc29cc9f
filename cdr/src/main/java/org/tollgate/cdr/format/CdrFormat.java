package org.tollgate.cdr.format;

import java.util.ArrayList;
import java.util.List;

import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.FeatureRecord;

/**
 * The text forms of a finished leg shared by the file and syslog sinks.
 *
 * <p>CSV ({@code gw-accounting file}): fixed field order, empty fields kept, RFC 4180 quoting of
 * fields holding a comma or quote. {@code cdr-format compact}: the 17 IOS fields
 * {@link #COMPACT_FIELDS}; {@code detailed}: those 17 then {@link #DETAILED_EXTRA} (tollgate's
 * choice of the detailed set: the numbers, dial-peer, release source, coder, FAC and LPCOR data).
 * {@code feature_vsa} carries the FAC data as {@code fn:FAC,fac-digits:786,fac-status:success}
 * when the call went through FAC, else empty.
 *
 * <p>Feature records ({@link FeatureRecord}) get a line of their own, as IOS writes one record per
 * invoked feature ({@link #featureCsv}), and the syslog message
 * {@code %VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=<vsa>} ({@link #featureSyslog}).
 */
public final class CdrFormat {
    /** {@code cdr-format compact}: the 17 fields, in order. */
    public static final List<String> COMPACT_FIELDS = List.of("CallLegType", "ConnectionId", "SetupTime",
            "PeerAddress", "PeerSubAddress", "DisconnectCause", "DisconnectText", "ConnectTime", "DisconnectTime",
            "CallOrigin", "ChargedUnits", "InfoType", "TransmitPackets", "TransmitBytes", "ReceivePackets",
            "ReceiveBytes", "feature_vsa");
    /** Appended after the compact fields by {@code cdr-format detailed}. */
    public static final List<String> DETAILED_EXTRA = List.of("RecordId", "CallingNumber", "CalledNumber",
            "PeerId", "ReleaseSource", "Coder", "FacDigits", "FacStatus", "InLpcorGroup", "OutLpcorGroup",
            "GwId");

    /** MIB {@code InfoType} speech. */
    public static final int INFO_TYPE_SPEECH = 2;

    private CdrFormat() {
    }

    /** The {@code feature_vsa} value: FAC data, or empty. */
    public static String featureVsa(CallLegRecord r) {
        if (r.facStatus().isEmpty()) {
            return "";
        }
        return "fn:FAC,fac-digits:" + r.facDigits() + ",fac-status:" + r.facStatusText();
    }

    /** The field values of {@code r} in {@link #COMPACT_FIELDS} order (then the detailed extras when asked). */
    public static List<String> values(CallLegRecord r, boolean detailed, String gwId) {
        List<String> v = new ArrayList<>(List.of(
                Integer.toString(r.kind().callLegType()),
                r.connectionId().syslogForm(),
                IosTime.format(r.setupTime()),
                r.peerAddress(),
                r.peerSubAddress(),
                r.disconnectCauseHex(),
                r.cause().map(c -> c.text()).orElse(""),
                r.connectTime().map(IosTime::format).orElse(""),
                r.disconnectTime().map(IosTime::format).orElse(""),
                Integer.toString(r.origin().code()),
                "0",
                Integer.toString(INFO_TYPE_SPEECH),
                Long.toString(r.counters().transmitPackets()),
                Long.toString(r.counters().transmitBytes()),
                Long.toString(r.counters().receivePackets()),
                Long.toString(r.counters().receiveBytes()),
                featureVsa(r)));
        if (detailed) {
            v.addAll(List.of(r.recordId(), r.callingNumber(), r.calledNumber(), Integer.toString(r.peerId()),
                    r.releaseSource().map(s -> s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                            .orElse(""),
                    r.coder(), r.facDigits(), r.facStatusText(), r.lpcorIn().orElse(""), r.lpcorOut().orElse(""),
                    gwId));
        }
        return v;
    }

    /**
     * The field values of feature record {@code f} (tollgate's choice, IOS publishes no layout of
     * its feature lines): {@code ConnectionId} (the call's, as on its legs' lines), {@code SetupTime}
     * (the feature time), {@code PeerAddress} (the calling number) and {@code feature_vsa} (the
     * feature VSA); the other IOS fields empty. {@code detailed} adds {@code RecordId},
     * {@code CallingNumber}, {@code CalledNumber} and {@code GwId}, the other extras empty.
     */
    public static List<String> featureValues(FeatureRecord f, boolean detailed, String gwId) {
        List<String> v = new ArrayList<>(COMPACT_FIELDS.size() + DETAILED_EXTRA.size());
        for (String name : COMPACT_FIELDS) {
            v.add(switch (name) {
                case "ConnectionId" -> f.connectionId().syslogForm();
                case "SetupTime" -> IosTime.format(f.time());
                case "PeerAddress" -> f.callingNumber();
                case "feature_vsa" -> f.vsa();
                default -> "";
            });
        }
        if (detailed) {
            for (String name : DETAILED_EXTRA) {
                v.add(switch (name) {
                    case "RecordId" -> f.recordId();
                    case "CallingNumber" -> f.callingNumber();
                    case "CalledNumber" -> f.calledNumber();
                    case "GwId" -> gwId;
                    default -> "";
                });
            }
        }
        return v;
    }

    /** One CSV line of a feature record (without line end). */
    public static String featureCsv(FeatureRecord f, boolean detailed, String gwId) {
        return csvLine(featureValues(f, detailed, gwId));
    }

    /** The syslog text of a feature record: {@code %VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=fn:...}. */
    public static String featureSyslog(FeatureRecord f) {
        return "%VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=" + f.vsa();
    }

    /** One CSV line (without line end). */
    public static String csv(CallLegRecord r, boolean detailed, String gwId) {
        return csvLine(values(r, detailed, gwId));
    }

    private static String csvLine(List<String> values) {
        StringBuilder sb = new StringBuilder(256);
        boolean first = true;
        for (String f : values) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    /**
     * The syslog text of one leg, as IOS prints it
     * ({@code %VOIPAAA-5-VOIP_CALL_HISTORY: CallLegType 1, ConnectionId ..., ...}), followed by
     * {@code , FacDigits D, FacStatus S} when FAC ran and {@code , InLpcorGroup G, OutLpcorGroup G}
     * when the call had LPCOR groups (tollgate's additions, after the IOS fields).
     */
    public static String syslog(CallLegRecord r) {
        StringBuilder sb = new StringBuilder("%VOIPAAA-5-VOIP_CALL_HISTORY: ");
        sb.append("CallLegType ").append(r.kind().callLegType())
                .append(", ConnectionId ").append(r.connectionId().syslogForm())
                .append(", SetupTime ").append(IosTime.format(r.setupTime()))
                .append(", PeerAddress ").append(r.peerAddress())
                .append(", PeerSubAddress ").append(r.peerSubAddress())
                .append(", DisconnectCause ").append(r.disconnectCauseHex()).append("  ")
                .append(", DisconnectText ").append(r.cause().map(c -> c.text() + ".").orElse(""))
                .append(", ConnectTime ").append(r.connectTime().map(IosTime::format).orElse(""))
                .append(", DisconnectTime ").append(r.disconnectTime().map(IosTime::format).orElse(""))
                .append(", CallOrigin ").append(r.origin().code())
                .append(", ChargedUnits 0")
                .append(", InfoType ").append(INFO_TYPE_SPEECH)
                .append(", TransmitPackets ").append(r.counters().transmitPackets())
                .append(", TransmitBytes ").append(r.counters().transmitBytes())
                .append(", ReceivePackets ").append(r.counters().receivePackets())
                .append(", ReceiveBytes ").append(r.counters().receiveBytes());
        if (r.facStatus().isPresent()) {
            sb.append(", FacDigits ").append(r.facDigits()).append(", FacStatus ").append(r.facStatusText());
        }
        if (r.lpcorIn().isPresent() || r.lpcorOut().isPresent()) {
            sb.append(", InLpcorGroup ").append(r.lpcorIn().orElse(""))
                    .append(", OutLpcorGroup ").append(r.lpcorOut().orElse(""));
        }
        return sb.toString();
    }

}
