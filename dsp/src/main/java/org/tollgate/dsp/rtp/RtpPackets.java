package org.tollgate.dsp.rtp;

import org.jitsi.impl.neomedia.transform.dtmf.DtmfRawPacket;
import org.jitsi.service.neomedia.RawPacket;
import org.tollgate.dsp.rfc4733.TelephoneEvent;

/**
 * RTP (RFC 3550 section 5.1) packet building and parsing on libjitsi's {@link RawPacket}, and RFC 4733
 * telephone-event packets on libjitsi's {@link DtmfRawPacket}.
 */
public final class RtpPackets {
    /** Fixed RTP header length. */
    public static final int HEADER = RawPacket.FIXED_HEADER_SIZE;

    private RtpPackets() {}

    /** A parsed RTP header and where its payload lies in the datagram. */
    public record Header(int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
                         int payloadOffset, int payloadLength) {}

    /** Outcome of parsing a datagram as RTP. */
    public sealed interface Parsed {
        /** A valid RTP packet. */
        record Rtp(Header header) implements Parsed {}

        /** Not RTP version 2, truncated, or an RTCP packet (payload types 72..76 with the marker). */
        record NotRtp(String reason) implements Parsed {}
    }

    /** Builds one RTP packet (version 2, no CSRC, no extension). */
    public static byte[] build(int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
                               byte[] payload, int off, int len) {
        byte[] buf = new byte[HEADER + len];
        buf[0] = (byte) 0x80;
        RawPacket p = new RawPacket(buf, 0, buf.length);
        p.setPayloadType((byte) payloadType);
        p.setMarker(marker);
        p.setSequenceNumber(sequence & 0xFFFF);
        p.setTimestamp(timestamp & 0xFFFF_FFFFL);
        p.setSSRC((int) ssrc);
        System.arraycopy(payload, off, buf, HEADER, len);
        return buf;
    }

    /** Builds an RFC 4733 telephone-event packet with libjitsi's {@link DtmfRawPacket}. */
    public static byte[] buildTelephoneEvent(int payloadType, boolean marker, int sequence, long timestamp,
                                             long ssrc, TelephoneEvent ev) {
        byte[] buf = new byte[HEADER + TelephoneEvent.LENGTH];
        buf[0] = (byte) 0x80;
        DtmfRawPacket p = new DtmfRawPacket(buf, 0, buf.length, (byte) payloadType);
        p.init(ev.event(), ev.end(), marker, ev.duration(), timestamp & 0xFFFF_FFFFL, ev.volume());
        p.setSequenceNumber(sequence & 0xFFFF);
        p.setSSRC((int) ssrc);
        return p.getBuffer();
    }

    /** Parses the RTP header of a datagram. */
    public static Parsed parse(byte[] buf, int len) {
        if (len < HEADER) {
            return new Parsed.NotRtp("datagram of " + len + " bytes is shorter than an RTP header");
        }
        if (RawPacket.getVersion(buf, 0, len) != 2) {
            return new Parsed.NotRtp("RTP version is not 2");
        }
        int pt2 = buf[1] & 0xFF;
        if (pt2 >= 192 && pt2 <= 223) {
            return new Parsed.NotRtp("RTCP packet type " + pt2);
        }
        RawPacket p = new RawPacket(buf, 0, len);
        int hdr = p.getHeaderLength();
        int padding = (buf[0] & 0x20) != 0 ? buf[len - 1] & 0xFF : 0;
        int payloadLen = len - hdr - padding;
        if (hdr > len || payloadLen < 0) {
            return new Parsed.NotRtp("RTP header or padding longer than the datagram");
        }
        return new Parsed.Rtp(new Header(p.getPayloadType(), p.isPacketMarked(), p.getSequenceNumber(),
                p.getTimestamp(), p.getSSRCAsLong(), hdr, payloadLen));
    }
}
