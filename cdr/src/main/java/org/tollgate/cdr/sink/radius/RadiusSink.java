package org.tollgate.cdr.sink.radius;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.tollgate.callcontrol.record.ReleaseSource;
import org.tollgate.cdr.format.IosTime;
import org.tollgate.cdr.record.CallLegRecord;
import org.tollgate.cdr.record.CallOrigin;
import org.tollgate.cdr.record.FeatureRecord;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.store.QueuedRecord;

/**
 * {@code gw-accounting aaa}: one Accounting-Request STOP per finished leg (RFC 2866) — and, for a
 * {@code start-stop} list, a START per leg when it connects; one STOP of its own per invoked
 * feature with Cisco-AVPair {@code feature-vsa=} ({@link #feature}) — sent
 * through a {@link RadiusAccountingPort}, one at a time in queue order; a record that is not
 * acknowledged stays queued and is re-sent with {@code Acct-Delay-Time} (RFC 2866 section 5.2:
 * seconds since the leg ended).
 *
 * <p>Attributes: {@code User-Name} (calling number), {@code Acct-Status-Type} Stop,
 * {@code Acct-Session-Id} (the call's connection id with {@code aaa session-id common}, else the
 * leg's record id), {@code Calling-Station-Id}, {@code Called-Station-Id}, {@code Acct-Session-Time},
 * octets and packets both ways; Cisco VSAs {@code h323-gw-id}, {@code h323-conf-id},
 * {@code h323-incoming-conf-id}, {@code h323-call-origin}, {@code h323-call-type},
 * {@code h323-setup-time}, {@code h323-connect-time}, {@code h323-disconnect-time} (IOS clock
 * format), {@code h323-disconnect-cause} (hex), {@code h323-voice-quality}, {@code h323-remote-address},
 * {@code release-source}; Cisco-AVPair {@code fac-digits=}, {@code fac-status=} (FAC calls) and
 * {@code in-lpcor-group=}, {@code out-lpcor-group=} (when known), plus {@code cdr-record-id=} so a
 * re-sent record is recognisable. Each send waits at most {@code sendTimeout} (default 60 s).
 */
public final class RadiusSink implements CdrSink {
    public static final int USER_NAME = 1;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_INPUT_OCTETS = 42;
    public static final int ACCT_OUTPUT_OCTETS = 43;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_SESSION_TIME = 46;
    public static final int ACCT_INPUT_PACKETS = 47;
    public static final int ACCT_OUTPUT_PACKETS = 48;
    public static final int STATUS_START = 1;
    public static final int STATUS_STOP = 2;
    // Cisco vendor (9) sub-attributes: the same numbers as aaa's radius.CiscoDictionary. Kept here on
    // purpose: aaa and cdr are siblings and cdr has no RADIUS library (gateway's adapter encodes them).
    public static final int CISCO_AVPAIR = 1;
    public static final int H323_REMOTE_ADDRESS = 23;
    public static final int H323_CONF_ID = 24;
    public static final int H323_SETUP_TIME = 25;
    public static final int H323_CALL_ORIGIN = 26;
    public static final int H323_CALL_TYPE = 27;
    public static final int H323_CONNECT_TIME = 28;
    public static final int H323_DISCONNECT_TIME = 29;
    public static final int H323_DISCONNECT_CAUSE = 30;
    public static final int H323_VOICE_QUALITY = 31;
    public static final int H323_GW_ID = 33;
    public static final int H323_INCOMING_CONF_ID = 35;
    public static final int RELEASE_SOURCE = 115;

    private final RadiusAccountingPort port;
    private final String gwId;
    private final boolean sessionIdCommon;
    private final Clock clock;
    private final Duration sendTimeout;
    private final boolean startStop;

    /**
     * @param gwId            {@code h323-gw-id} (the hostname)
     * @param sessionIdCommon {@code aaa session-id common} (the legs of a call share Acct-Session-Id)
     */
    public RadiusSink(RadiusAccountingPort port, String gwId, boolean sessionIdCommon, Clock clock,
                      Duration sendTimeout) {
        this(port, gwId, sessionIdCommon, clock, sendTimeout, false);
    }

    /** With {@code startStop} ({@code aaa accounting ... start-stop}): a START per connected leg too. */
    public RadiusSink(RadiusAccountingPort port, String gwId, boolean sessionIdCommon, Clock clock,
                      Duration sendTimeout, boolean startStop) {
        this.startStop = startStop;
        this.port = Objects.requireNonNull(port, "port");
        this.gwId = Objects.requireNonNull(gwId, "gwId");
        this.sessionIdCommon = sessionIdCommon;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sendTimeout = sendTimeout;
    }

    public RadiusSink(RadiusAccountingPort port, String gwId, boolean sessionIdCommon, Clock clock) {
        this(port, gwId, sessionIdCommon, clock, Duration.ofSeconds(60));
    }

    @Override
    public String name() {
        return "radius";
    }

    @Override
    public boolean wantsStarts() {
        return startStop;
    }

    @Override
    public Delivery deliver(List<QueuedRecord> batch) {
        int done = 0;
        for (QueuedRecord q : batch) {
            java.time.Instant since = q.isFeature() ? q.feature().orElseThrow().time()
                    : q.record().disconnectTime().or(() -> q.record().connectTime()).orElse(q.record().setupTime());
            long delay = q.attempts() == 0 ? 0 : Math.max(1, Duration.between(since, clock.instant()).toSeconds());
            RadiusAccountingPort.Ack ack;
            try {
                List<AccountingAttribute> attrs = switch (q.kind()) {
                    case START -> start(q.record(), delay);
                    case STOP -> stop(q.record(), delay);
                    case FEATURE -> feature(q.feature().orElseThrow(), delay);
                };
                ack = port.send(attrs).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Delivery.Partial(done, "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                return new Delivery.Partial(done, "send failed: " + e);
            }
            switch (ack) {
                case RadiusAccountingPort.Ack.Acknowledged a -> done++;
                case RadiusAccountingPort.Ack.NotAcknowledged n -> {
                    return new Delivery.Partial(done, n.reason());
                }
            }
        }
        return new Delivery.All(done);
    }

    /**
     * The Accounting-Request START attributes of a leg that connected: status Start, the ids,
     * numbers, h323 setup/connect time, origin, type, conf-id, gw-id and the FAC/LPCOR AVPairs;
     * {@code delaySeconds} > 0 adds Acct-Delay-Time (seconds since the connect).
     */
    public List<AccountingAttribute> start(CallLegRecord r, long delaySeconds) {
        List<AccountingAttribute> a = identity(STATUS_START, r.callingNumber(), r.calledNumber(),
                r.connectionId().compact(), r.recordId());
        delay(a, delaySeconds);
        callVsas(a, r);
        h323(a, H323_REMOTE_ADDRESS, "h323-remote-address", r.endpoint());
        facAndLpcor(a, r);
        avpair(a, "cdr-record-id", r.recordId() + "-S");
        return a;
    }

    /** The h323 VSAs of a START and a STOP alike: gw-id, conf-ids, origin, type, setup and connect time. */
    private void callVsas(List<AccountingAttribute> a, CallLegRecord r) {
        h323(a, H323_GW_ID, "h323-gw-id", gwId);
        h323(a, H323_CONF_ID, "h323-conf-id", r.connectionId().radiusForm());
        h323(a, H323_INCOMING_CONF_ID, "h323-incoming-conf-id", r.connectionId().radiusForm());
        h323(a, H323_CALL_ORIGIN, "h323-call-origin", r.origin().radiusName());
        h323(a, H323_CALL_TYPE, "h323-call-type", r.kind().radiusCallType());
        h323(a, H323_SETUP_TIME, "h323-setup-time", IosTime.format(r.setupTime()));
        r.connectTime().ifPresent(t -> h323(a, H323_CONNECT_TIME, "h323-connect-time", IosTime.format(t)));
    }

    /** Cisco-AVPairs {@code fac-digits}/{@code fac-status} (FAC calls) and the LPCOR groups (when known). */
    private static void facAndLpcor(List<AccountingAttribute> a, CallLegRecord r) {
        if (r.facStatus().isPresent()) {
            avpair(a, "fac-digits", r.facDigits());
            avpair(a, "fac-status", r.facStatusText());
        }
        r.lpcorIn().ifPresent(g -> avpair(a, "in-lpcor-group", g));
        r.lpcorOut().ifPresent(g -> avpair(a, "out-lpcor-group", g));
    }

    /** The Accounting-Request STOP attributes of {@code r}; {@code delaySeconds} > 0 adds Acct-Delay-Time. */
    public List<AccountingAttribute> stop(CallLegRecord r, long delaySeconds) {
        List<AccountingAttribute> a = identity(STATUS_STOP, r.callingNumber(), r.calledNumber(),
                r.connectionId().compact(), r.recordId());
        a.add(new AccountingAttribute.Number(ACCT_SESSION_TIME,
                r.duration(r.disconnectTime().orElse(clock.instant())).toSeconds()));
        a.add(new AccountingAttribute.Number(ACCT_INPUT_OCTETS, r.counters().receiveBytes()));
        a.add(new AccountingAttribute.Number(ACCT_OUTPUT_OCTETS, r.counters().transmitBytes()));
        a.add(new AccountingAttribute.Number(ACCT_INPUT_PACKETS, r.counters().receivePackets()));
        a.add(new AccountingAttribute.Number(ACCT_OUTPUT_PACKETS, r.counters().transmitPackets()));
        delay(a, delaySeconds);
        callVsas(a, r);
        r.disconnectTime().ifPresent(t -> h323(a, H323_DISCONNECT_TIME, "h323-disconnect-time", IosTime.format(t)));
        r.cause().ifPresent(c -> h323(a, H323_DISCONNECT_CAUSE, "h323-disconnect-cause", c.hex()));
        h323(a, H323_VOICE_QUALITY, "h323-voice-quality", "0");
        h323(a, H323_REMOTE_ADDRESS, "h323-remote-address", r.endpoint());
        r.releaseSource().ifPresent(s -> h323(a, RELEASE_SOURCE, "release-source", releaseSource(s, r.origin())));
        facAndLpcor(a, r);
        avpair(a, "cdr-record-id", r.recordId());
        return a;
    }

    /**
     * The Accounting-Request of an invoked feature, a record of its own: {@code User-Name} (the
     * feature's calling number), {@code Acct-Status-Type} Stop, {@code Acct-Session-Id} (the call's
     * connection id with {@code aaa session-id common}, else the feature's record id),
     * {@code Calling-Station-Id}, {@code Called-Station-Id}, {@code Acct-Delay-Time} on re-sends
     * (seconds since the feature), {@code h323-gw-id}, {@code h323-conf-id} (the call's, so the
     * feature record joins the call's leg records), Cisco-AVPair {@code feature-vsa=<vsa>} (the
     * IOS feature VSA) and {@code cdr-record-id=}.
     */
    public List<AccountingAttribute> feature(FeatureRecord f, long delaySeconds) {
        List<AccountingAttribute> a = identity(STATUS_STOP, f.callingNumber(), f.calledNumber(),
                f.connectionId().compact(), f.recordId());
        delay(a, delaySeconds);
        h323(a, H323_GW_ID, "h323-gw-id", gwId);
        h323(a, H323_CONF_ID, "h323-conf-id", f.connectionId().radiusForm());
        avpair(a, "feature-vsa", f.vsa());
        avpair(a, "cdr-record-id", f.recordId());
        return a;
    }

    /**
     * IOS {@code release-source} numbers: 1 calling party (PSTN), 3 called party (PSTN),
     * 5 internal release in the gateway's call control; tollgate does not tell PSTN and VoIP
     * parties apart here.
     */
    static String releaseSource(ReleaseSource s, CallOrigin origin) {
        return switch (s) {
            case CALLING_PARTY -> "1";
            case CALLED_PARTY -> "3";
            case GATEWAY -> "5";
        };
    }

    private static void h323(List<AccountingAttribute> a, int type, String name, String value) {
        a.add(new AccountingAttribute.CiscoVsa(type, name + "=" + value));
    }

    private static void avpair(List<AccountingAttribute> a, String name, String value) {
        a.add(new AccountingAttribute.CiscoVsa(CISCO_AVPAIR, name.toLowerCase(Locale.ROOT) + "=" + value));
    }

    /**
     * The identity every Accounting-Request starts with, in this order: User-Name (the calling number,
     * {@code unknown} when empty), Acct-Status-Type, Acct-Session-Id (the call's connection id with
     * {@code aaa session-id common}, else the record id), Calling-Station-Id and Called-Station-Id
     * (each only when known).
     */
    private List<AccountingAttribute> identity(int status, String calling, String called, String connectionId,
                                               String recordId) {
        List<AccountingAttribute> a = new ArrayList<>();
        a.add(new AccountingAttribute.Text(USER_NAME, calling.isEmpty() ? "unknown" : calling));
        a.add(new AccountingAttribute.Number(ACCT_STATUS_TYPE, status));
        a.add(new AccountingAttribute.Text(ACCT_SESSION_ID, sessionIdCommon ? connectionId : recordId));
        if (!calling.isEmpty()) {
            a.add(new AccountingAttribute.Text(CALLING_STATION_ID, calling));
        }
        if (!called.isEmpty()) {
            a.add(new AccountingAttribute.Text(CALLED_STATION_ID, called));
        }
        return a;
    }

    /** Acct-Delay-Time (RFC 2866 5.2), only on a re-send ({@code delaySeconds} > 0). */
    private static void delay(List<AccountingAttribute> a, long delaySeconds) {
        if (delaySeconds > 0) {
            a.add(new AccountingAttribute.Number(ACCT_DELAY_TIME, delaySeconds));
        }
    }
}
