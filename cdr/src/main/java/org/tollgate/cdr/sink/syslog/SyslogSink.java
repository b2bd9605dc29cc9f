package org.tollgate.cdr.sink.syslog;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tollgate.cdr.format.CdrFormat;
import org.tollgate.cdr.sink.CdrSink;
import org.tollgate.cdr.sink.Delivery;
import org.tollgate.cdr.store.QueuedRecord;

/**
 * {@code gw-accounting syslog}: one {@code %VOIPAAA-5-VOIP_CALL_HISTORY: ...} message per finished
 * leg ({@link CdrFormat#syslog}), and one {@code %VOIPAAA-5-VOIP_FEAT_HISTORY: FEAT_VSA=...} per
 * invoked feature ({@link CdrFormat#featureSyslog}; RFC 5424 MSGID {@code VOIP_FEAT_HISTORY}), to each {@code logging host A [transport udp port P]} over UDP
 * (RFC 5426), facility local7, severity notice (5), so {@code PRI} is 189. Framing RFC 5424 by
 * default, RFC 3164 as an option ({@link SyslogFraming}). UDP has no acknowledgement: a record
 * counts as delivered once the datagram was sent to every host; a send error (no route, unknown
 * host) fails the batch, which is retried. {@code logging host ... transport tcp} hosts are
 * skipped (logged once).
 */
public final class SyslogSink implements CdrSink {
    /** local7 (23) * 8 + notice (5). */
    public static final int PRI = 23 * 8 + 5;
    private static final Logger LOG = LoggerFactory.getLogger(SyslogSink.class);
    private static final DateTimeFormatter RFC5424_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT).withZone(ZoneId.of("UTC"));
    private static final DateTimeFormatter RFC3164_TIME = DateTimeFormatter
            .ofPattern("MMM ppd HH:mm:ss", Locale.ROOT).withZone(ZoneId.of("UTC"));

    private final List<InetSocketAddress> hosts;
    private final String hostname;
    private final SyslogFraming framing;
    private final Clock clock;
    private DatagramSocket socket;

    /**
     * @param hosts    UDP destinations (the {@code logging host} lines)
     * @param hostname the gateway's {@code hostname} (the HOSTNAME field)
     */
    public SyslogSink(List<InetSocketAddress> hosts, String hostname, SyslogFraming framing, Clock clock) {
        this.hosts = List.copyOf(hosts);
        this.hostname = Objects.requireNonNull(hostname, "hostname");
        this.framing = Objects.requireNonNull(framing, "framing");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "syslog";
    }

    /** The datagram text of call history message {@code msg} in this sink's framing at the current time. */
    public String frame(String msg) {
        return frame("VOIP_CALL_HISTORY", msg);
    }

    /** The datagram text of {@code msg} with RFC 5424 MSGID {@code msgId} in this sink's framing. */
    public String frame(String msgId, String msg) {
        return switch (framing) {
            case RFC5424 -> "<" + PRI + ">1 " + RFC5424_TIME.format(clock.instant()) + " " + hostname
                    + " tollgate - " + msgId + " - " + msg;
            case RFC3164 -> "<" + PRI + ">" + RFC3164_TIME.format(clock.instant()) + " " + hostname + " tollgate: "
                    + msg;
        };
    }

    @Override
    public Delivery deliver(List<QueuedRecord> batch) {
        int done = 0;
        try {
            if (socket == null) {
                socket = new DatagramSocket();
            }
            for (QueuedRecord q : batch) {
                String text = q.isFeature()
                        ? frame("VOIP_FEAT_HISTORY", CdrFormat.featureSyslog(q.feature().orElseThrow()))
                        : frame(CdrFormat.syslog(q.record()));
                byte[] data = text.getBytes(StandardCharsets.UTF_8);
                for (InetSocketAddress h : hosts) {
                    if (h.isUnresolved()) {
                        throw new IOException("unresolved syslog host " + h.getHostString());
                    }
                    socket.send(new DatagramPacket(data, data.length, h));
                }
                done++;
            }
            return new Delivery.All(done);
        } catch (SocketException e) {
            closeSocket();
            return new Delivery.Partial(done, e.getMessage());
        } catch (IOException e) {
            return new Delivery.Partial(done, e.getMessage());
        }
    }

    private void closeSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
        LOG.debug("syslog CDR sink closed");
    }
}
