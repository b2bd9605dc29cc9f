package org.tollgate.harness.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Joins SIPp's per-digit RFC 4733 captures ({@code /usr/share/sip-tester/dtmf_2833_D.pcap}) into one
 * capture of a digit string for {@code play_pcap_audio}. Each SIPp capture is one event with its own
 * RTP sequence numbers and timestamp (the captures of 6 and 8 go backwards relative to each other),
 * so played one after another a conforming receiver drops the older ones as stale (RFC 4733 2.5.1.1).
 * Here the packets keep their payloads, but sequence numbers and timestamps are renumbered to rise
 * monotonically through the string and the digits are spaced {@link #GAP_MS} apart.
 *
 * <p>Format: classic libpcap (little-endian, Ethernet/IPv4/UDP without options, as SIPp's files are).
 */
final class DtmfPcap {
    /** Silence between two digits. */
    static final int GAP_MS = 200;
    private static final int RTP_OFFSET = 14 + 20 + 8;

    private DtmfPcap() {
    }

    /** Writes the capture of {@code digits} (0-9, *, #) to {@code out}. */
    static Path write(String digits, Path out) throws IOException {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        boolean header = false;
        int seq = 1000;
        long ts = 160_000;
        long timeUs = 0;
        for (char c : digits.toCharArray()) {
            String name = c == '#' ? "pound" : c == '*' ? "star" : String.valueOf(c);
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(Path.of("/usr/share/sip-tester/dtmf_2833_" + name + ".pcap")))
                    .order(ByteOrder.LITTLE_ENDIAN);
            byte[] global = new byte[24];
            in.get(global);
            if (!header) {
                result.write(global);
                header = true;
            }
            long firstUs = -1;
            long lastUs = 0;
            while (in.remaining() >= 16) {
                long sec = Integer.toUnsignedLong(in.getInt());
                long usec = Integer.toUnsignedLong(in.getInt());
                int incl = in.getInt();
                int orig = in.getInt();
                byte[] pkt = new byte[incl];
                in.get(pkt);
                long at = sec * 1_000_000 + usec;
                if (firstUs < 0) {
                    firstUs = at;
                }
                lastUs = timeUs + (at - firstUs);
                ByteBuffer rtp = ByteBuffer.wrap(pkt).order(ByteOrder.BIG_ENDIAN);
                rtp.putShort(RTP_OFFSET + 2, (short) seq++);
                rtp.putInt(RTP_OFFSET + 4, (int) ts);
                rtp.putShort(14 + 20 + 6, (short) 0); // UDP checksum: none
                ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                rec.putInt((int) (lastUs / 1_000_000)).putInt((int) (lastUs % 1_000_000)).putInt(incl).putInt(orig);
                result.write(rec.array());
                result.write(pkt);
            }
            timeUs = lastUs + GAP_MS * 1000L;
            ts += 160L * (GAP_MS / 20 + 20);
        }
        Files.write(out, result.toByteArray());
        return out;
    }

    /**
     * Writes {@code digits} as in-band DTMF: the {@code dsp} {@code DtmfGenerator}'s tones (100 ms on,
     * 100 ms off), μ-law, 20 ms RTP packets (PT 0) every 20 ms, with 200 ms of silence before and after.
     * The Ethernet/IP/UDP framing is copied from SIPp's own capture and its lengths patched.
     */
    static Path writeInband(String digits, Path out) throws IOException {
        byte[] sipp = Files.readAllBytes(Path.of("/usr/share/sip-tester/dtmf_2833_1.pcap"));
        short[] tones = org.tollgate.dsp.dtmf.DtmfGenerator.generate(digits);
        short[] pcm = new short[1600 + tones.length + 1600 + 159];
        System.arraycopy(tones, 0, pcm, 1600, tones.length);
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.write(sipp, 0, 24);
        int frames = pcm.length / 160;
        for (int i = 0; i < frames; i++) {
            byte[] pkt = new byte[RTP_OFFSET + 12 + 160];
            System.arraycopy(sipp, 24 + 16, pkt, 0, RTP_OFFSET);
            ByteBuffer b = ByteBuffer.wrap(pkt).order(ByteOrder.BIG_ENDIAN);
            b.putShort(14 + 2, (short) (pkt.length - 14));       // IPv4 total length
            b.putShort(14 + 10, (short) 0);                      // IPv4 header checksum (not checked by SIPp)
            b.putShort(14 + 20 + 4, (short) (pkt.length - 34));  // UDP length
            b.putShort(14 + 20 + 6, (short) 0);                  // no UDP checksum
            b.put(RTP_OFFSET, (byte) 0x80).put(RTP_OFFSET + 1, (byte) (i == 0 ? 0x80 : 0x00));
            b.putShort(RTP_OFFSET + 2, (short) (2000 + i)).putInt(RTP_OFFSET + 4, 320_000 + i * 160)
                    .putInt(RTP_OFFSET + 8, 0x7011_6a11);
            byte[] ulaw = new byte[160];
            org.tollgate.dsp.rtp.Codec.PCMU.encode(pcm, i * 160, ulaw, 160);
            System.arraycopy(ulaw, 0, pkt, RTP_OFFSET + 12, 160);
            long us = i * 20_000L;
            ByteBuffer rec = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            rec.putInt((int) (us / 1_000_000)).putInt((int) (us % 1_000_000)).putInt(pkt.length).putInt(pkt.length);
            result.write(rec.array());
            result.write(pkt);
        }
        Files.write(out, result.toByteArray());
        return out;
    }
}
