package org.tollgate.dsp.rtp;

/**
 * A snapshot of one RTP stream's counters (they feed {@code show call active voice} TransmitPackets /
 * TransmitBytes / ReceivePackets / ReceiveBytes and the CDRs). Octets are RTP payload octets, as in
 * RTCP sender reports (RFC 3550 section 6.4.1).
 *
 * @param packetsSent     RTP packets sent (audio and telephone-event)
 * @param octetsSent      payload octets sent
 * @param packetsReceived valid RTP packets of a negotiated payload type received from the peer (counted once handled)
 * @param octetsReceived  payload octets received
 * @param packetsLost     cumulative packets lost (RFC 3550 appendix A.3; may be negative with duplicates)
 * @param jitterMs        interarrival jitter (RFC 3550 appendix A.8), milliseconds
 * @param rtcpSent        RTCP compound packets sent
 * @param rtcpReceived    RTCP compound packets received
 * @param discarded       datagrams dropped: not RTP, unknown payload type, wrong source after latching, or unsendable
 */
public record StreamCounters(long packetsSent, long octetsSent, long packetsReceived, long octetsReceived,
                             long packetsLost, double jitterMs, long rtcpSent, long rtcpReceived, long discarded) {}
