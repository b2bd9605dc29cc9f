package org.tollgate.cdr.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tollgate.cdr.record.ConnectionId;
import org.tollgate.cdr.record.FeatureRecord;

/**
 * A {@link FeatureRecord} as text, like {@link RecordCodec}. Readable form ({@link #encode}, golden
 * files): {@code Name=value} lines in a fixed order, then one {@code Attr=key:value} line per
 * feature attribute. Compact form ({@link #encodeCompact}, the store body of {@code cdr_feature}):
 * a {@code feat1} version line, the fixed values one per line, then {@code key:value} lines.
 * {@code \} and line breaks are escaped; times are ISO-8601 instants.
 */
public final class FeatureRecordCodec {
    private static final String[] NAMES = {"RecordId", "ConnectionId", "Sequence", "FeatureName", "FeatureTime",
        "Status", "LegIndex", "CallingNumber", "CalledNumber"};
    private static final String COMPACT_V1 = "feat1";
    private static final String ATTR = "Attr";

    private FeatureRecordCodec() {
    }

    /** The readable form ({@code Name=value} lines, then {@code Attr=key:value} lines). */
    public static String encode(FeatureRecord r) {
        String[] v = values(r);
        StringBuilder sb = new StringBuilder(512);
        for (int i = 0; i < NAMES.length; i++) {
            sb.append(NAMES[i]).append('=');
            RecordCodec.escapeTo(sb, v[i]);
            sb.append('\n');
        }
        for (FeatureRecord.Attribute a : r.attributes()) {
            sb.append(ATTR).append('=');
            RecordCodec.escapeTo(sb, a.key() + ":" + a.value());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The compact store form. */
    public static String encodeCompact(FeatureRecord r) {
        StringBuilder sb = new StringBuilder(256).append(COMPACT_V1).append('\n');
        for (String x : values(r)) {
            RecordCodec.escapeTo(sb, x);
            sb.append('\n');
        }
        for (FeatureRecord.Attribute a : r.attributes()) {
            RecordCodec.escapeTo(sb, a.key() + ":" + a.value());
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String[] values(FeatureRecord r) {
        return new String[] {r.recordId(), r.connectionId().compact(), Integer.toString(r.sequence()),
            r.featureName(), r.time().toString(), r.success() ? "SUCCESS" : "FAILURE", Integer.toString(r.legIndex()),
            r.callingNumber(), r.calledNumber()};
    }

    /** Decodes either form. */
    public static FeatureRecord decode(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> attrs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (text.startsWith(COMPACT_V1 + "\n")) {
            for (int i = 0; i < NAMES.length; i++) {
                m.put(NAMES[i], RecordCodec.unescapeFrom(lines[i + 1]));
            }
            for (int i = NAMES.length + 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    attrs.add(RecordCodec.unescapeFrom(lines[i]));
                }
            }
        } else {
            for (String l : lines) {
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String k = l.substring(0, eq);
                String v = RecordCodec.unescapeFrom(l.substring(eq + 1));
                if (k.equals(ATTR)) {
                    attrs.add(v);
                } else {
                    m.put(k, v);
                }
            }
        }
        List<FeatureRecord.Attribute> as = new ArrayList<>();
        for (String a : attrs) {
            int colon = a.indexOf(':');
            as.add(colon < 0 ? new FeatureRecord.Attribute(a, "")
                    : new FeatureRecord.Attribute(a.substring(0, colon), a.substring(colon + 1)));
        }
        return new FeatureRecord(m.get("RecordId"), ConnectionId.parse(m.get("ConnectionId")),
                Integer.parseInt(m.get("Sequence")), m.get("FeatureName"), Instant.parse(m.get("FeatureTime")),
                "SUCCESS".equals(m.get("Status")), Integer.parseInt(m.get("LegIndex")), m.get("CallingNumber"),
                m.get("CalledNumber"), as);
    }
}
