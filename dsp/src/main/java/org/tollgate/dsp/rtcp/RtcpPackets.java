package org.tollgate.dsp.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and parses RTCP compound packets (RFC 3550 section 6): an SR or RR first, then an SDES with the
 * CNAME (section 6.1 requires both). Parsing walks the compound packet and returns the SR/RR found;
 * other packet types (SDES, BYE, APP, feedback) are skipped.
 */
public final class RtcpPackets {
    /** Packet type of a sender report. */
    public static final int SR = 200;
    /** Packet type of a receiver report. */
    public static final int RR = 201;
    /** Packet type of source description. */
    public static final int SDES = 202;

    private RtcpPackets() {}

    /** Outcome of parsing a compound packet. */
    public sealed interface Parsed {
        /** The SR or RR of the compound packet. */
        record Report(RtcpReport report) implements Parsed {}

        /** Not valid RTCP (RFC 3550 appendix A.2 checks) or no SR/RR in it. */
        record Invalid(String reason) implements Parsed {}
    }

    /** A compound SR + SDES(CNAME). */
    public static byte[] senderReport(RtcpReport.SenderReport sr, String cname) {
        int n = sr.blocks().size();
        ByteBuffer b = ByteBuffer.allocate(28 + 24 * n + sdesLength(cname));
        b.put((byte) (0x80 | n)).put((byte) SR).putShort((short) (6 + 6 * n));
        b.putInt((int) sr.ssrc());
        b.putLong(sr.ntpTimestamp());
        b.putInt((int) sr.rtpTimestamp());
        b.putInt((int) sr.packetCount());
        b.putInt((int) sr.octetCount());
        sr.blocks().forEach(rb -> putBlock(b, rb));
        putSdes(b, sr.ssrc(), cname);
        return b.array();
    }

    /** A compound RR + SDES(CNAME). */
    public static byte[] receiverReport(RtcpReport.ReceiverReport rr, String cname) {
        int n = rr.blocks().size();
        ByteBuffer b = ByteBuffer.allocate(8 + 24 * n + sdesLength(cname));
        b.put((byte) (0x80 | n)).put((byte) RR).putShort((short) (1 + 6 * n));
        b.putInt((int) rr.ssrc());
        rr.blocks().forEach(rb -> putBlock(b, rb));
        putSdes(b, rr.ssrc(), cname);
        return b.array();
    }

    private static void putBlock(ByteBuffer b, ReportBlock rb) {
        b.putInt((int) rb.ssrc());
        b.putInt(((rb.fractionLost() & 0xFF) << 24) | (rb.cumulativeLost() & 0xFF_FFFF));
        b.putInt((int) rb.extendedHighestSeq());
        b.putInt((int) rb.jitter());
        b.putInt((int) rb.lastSr());
        b.putInt((int) rb.delaySinceLastSr());
    }

    private static int sdesLength(String cname) {
        int items = 2 + Math.min(255, cname.getBytes(StandardCharsets.UTF_8).length) + 1;
        return 8 + (items + 3) / 4 * 4;
    }

    private static void putSdes(ByteBuffer b, long ssrc, String cname) {
        byte[] text = cname.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(255, text.length);
        int total = sdesLength(cname);
        b.put((byte) 0x81).put((byte) SDES).putShort((short) (total / 4 - 1));
        b.putInt((int) ssrc);
        b.put((byte) 1).put((byte) len).put(text, 0, len);
        // END item and padding to the 32-bit boundary: the SDES chunk ends the compound packet
        while (b.hasRemaining()) {
            b.put((byte) 0);
        }
    }

    /** Parses a compound packet and returns its SR or RR. */
    public static Parsed parse(byte[] buf, int len) {
        int pos = 0;
        if (len < 8) {
            return new Parsed.Invalid("shorter than an RTCP header");
        }
        int firstType = buf[1] & 0xFF;
        if (firstType != SR && firstType != RR) {
            return new Parsed.Invalid("compound packet does not start with SR or RR");
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 0, len);
        while (pos + 4 <= len) {
            int v = (buf[pos] & 0xC0) >> 6;
            int count = buf[pos] & 0x1F;
            int type = buf[pos + 1] & 0xFF;
            int words = b.getShort(pos + 2) & 0xFFFF;
            int plen = (words + 1) * 4;
            if (v != 2 || pos + plen > len) {
                return new Parsed.Invalid("bad RTCP version or length at byte " + pos);
            }
            if (type == SR && plen >= 28 + 24 * count) {
                long ssrc = Integer.toUnsignedLong(b.getInt(pos + 4));
                long ntp = b.getLong(pos + 8);
                long rtpTs = Integer.toUnsignedLong(b.getInt(pos + 16));
                long pc = Integer.toUnsignedLong(b.getInt(pos + 20));
                long oc = Integer.toUnsignedLong(b.getInt(pos + 24));
                return new Parsed.Report(new RtcpReport.SenderReport(ssrc, ntp, rtpTs, pc, oc, blocks(b, pos + 28, count)));
            }
            if (type == RR && plen >= 8 + 24 * count) {
                long ssrc = Integer.toUnsignedLong(b.getInt(pos + 4));
                return new Parsed.Report(new RtcpReport.ReceiverReport(ssrc, blocks(b, pos + 8, count)));
            }
            pos += plen;
        }
        return new Parsed.Invalid("no complete SR or RR");
    }

    private static List<ReportBlock> blocks(ByteBuffer b, int at, int count) {
        List<ReportBlock> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = at + 24 * i;
            int lost = b.getInt(p + 4);
            int cumulative = (lost << 8) >> 8;
            out.add(new ReportBlock(Integer.toUnsignedLong(b.getInt(p)), (lost >>> 24) & 0xFF, cumulative,
                    Integer.toUnsignedLong(b.getInt(p + 8)), Integer.toUnsignedLong(b.getInt(p + 12)),
                    Integer.toUnsignedLong(b.getInt(p + 16)), Integer.toUnsignedLong(b.getInt(p + 20))));
        }
        return out;
    }
}
