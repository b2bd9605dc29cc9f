package org.tollgate.dsp.rtcp;

import java.util.List;

/** A parsed RTCP sender report (PT 200) or receiver report (PT 201), RFC 3550 sections 6.4.1 and 6.4.2. */
public sealed interface RtcpReport {
    /** The reporting SSRC. */
    long ssrc();

    /** Report blocks about the sources the reporter receives. */
    List<ReportBlock> blocks();

    /** A sender report. */
    record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount,
                        List<ReportBlock> blocks) implements RtcpReport {
        /** Middle 32 bits of the NTP timestamp, echoed as LSR. */
        public long ntpMiddle() {
            return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
        }
    }

    /** A receiver report. */
    record ReceiverReport(long ssrc, List<ReportBlock> blocks) implements RtcpReport {}
}
