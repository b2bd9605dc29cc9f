package org.tollgate.dsp.rtcp;

/**
 * An RTCP reception report block (RFC 3550 section 6.4.1).
 *
 * @param ssrc               the source reported on
 * @param fractionLost       fraction lost since the previous report, in 1/256
 * @param cumulativeLost     cumulative packets lost (24-bit signed)
 * @param extendedHighestSeq cycles &lt;&lt; 16 | highest sequence number received
 * @param jitter             interarrival jitter in timestamp units
 * @param lastSr             middle 32 bits of the NTP timestamp of the last SR received (0 if none)
 * @param delaySinceLastSr   delay since that SR, in 1/65536 s
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSeq,
                          long jitter, long lastSr, long delaySinceLastSr) {}
