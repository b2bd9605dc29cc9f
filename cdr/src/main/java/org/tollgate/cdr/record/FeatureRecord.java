package org.tollgate.cdr.record;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One invoked supplementary service (IOS feature record: RADIUS {@code feature-vsa=}, syslog
 * {@code %VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=}, the {@code feature_vsa} field of a file
 * accounting line), folded by {@link CallRecordFolder} from one of call control's
 * {@code FeatureRecordEvent}s.
 *
 * <p>The text ({@link #vsa()}) follows the Cisco feature VSA: comma-separated {@code key:value}
 * pairs, first the common ones {@code fn} (feature name: {@code CFA}, {@code CFBY}, {@code CFNA},
 * {@code CFRD}, {@code BXFER}, {@code CXFER}, {@code CONF}, {@code MEETME}, {@code PARK},
 * {@code PARKRET}, {@code PARKREC}, {@code GPICKUP}, {@code DPICKUP}), {@code ft} (feature time,
 * {@code MM/dd/yyyy HH:mm:ss.SSS}, UTC), {@code frs} (0 success, 1 failure), {@code fid}
 * (feature invocation number within the call), {@code fcid} (feature correlation id: the
 * {@link ConnectionId} of the call, as the call's CDR legs carry it), {@code legID} (hex index of
 * the call's incoming leg), {@code cgn} / {@code cdn} (calling / called number), then the
 * feature's own {@link #attributes()} in order.
 *
 * @param recordId     unique across restarts and gateways: {@code <connectionId>-F<sequence>}; the
 *                     key of the store and of every sink queue (never equal to a leg's record id)
 * @param connectionId the call the feature belongs to ({@code fcid})
 * @param sequence     1, 2, ... per call ({@code fid})
 * @param success      call control reports only features that were carried out: always true today
 * @param legIndex     the call's leg the feature is reported on (1: the incoming leg)
 * @param attributes   the feature's own {@code key:value} pairs after {@code cdn}, in order
 */
public record FeatureRecord(String recordId, ConnectionId connectionId, int sequence, String featureName,
                            Instant time, boolean success, int legIndex, String callingNumber,
                            String calledNumber, List<Attribute> attributes) {
    private static final DateTimeFormatter FEATURE_TIME = DateTimeFormatter
            .ofPattern("MM/dd/yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.of("UTC"));

    /**
     * One {@code key:value} pair of the feature VSA. Keys are short lower/camel-case words; a value
     * must not hold a comma (the VSA separator): commas are replaced by {@code ;}.
     */
    public record Attribute(String key, String value) {
        public Attribute {
            Objects.requireNonNull(key, "key");
            value = value == null ? "" : value.replace(',', ';');
        }
    }

    public FeatureRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(featureName, "featureName");
        Objects.requireNonNull(time, "time");
        callingNumber = callingNumber == null ? "" : callingNumber.replace(',', ';');
        calledNumber = calledNumber == null ? "" : calledNumber.replace(',', ';');
        attributes = List.copyOf(attributes);
    }

    /** The record id of feature {@code sequence} of call {@code id}. */
    public static String recordId(ConnectionId id, int sequence) {
        return id.compact() + "-F" + sequence;
    }

    /** {@code ft}: {@code 12/16/2010 10:14:59.206} in UTC. */
    public static String featureTime(Instant t) {
        return FEATURE_TIME.format(t);
    }

    /** The feature VSA text: {@code fn:CXFER,ft:...,frs:0,fid:1,fcid:...,legID:1,cgn:...,cdn:...,...}. */
    public String vsa() {
        StringBuilder sb = new StringBuilder(256);
        sb.append("fn:").append(featureName)
                .append(",ft:").append(featureTime(time))
                .append(",frs:").append(success ? 0 : 1)
                .append(",fid:").append(sequence)
                .append(",fcid:").append(connectionId.compact())
                .append(",legID:").append(Integer.toHexString(legIndex).toUpperCase(Locale.ROOT))
                .append(",cgn:").append(callingNumber)
                .append(",cdn:").append(calledNumber);
        for (Attribute a : attributes) {
            sb.append(',').append(a.key()).append(':').append(a.value());
        }
        return sb.toString();
    }
}
