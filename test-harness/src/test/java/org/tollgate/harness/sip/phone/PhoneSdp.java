package org.tollgate.harness.sip.phone;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The test phone's SDP (RFC 4566 / RFC 3264): offers and answers G.711 (PCMU, PCMA) plus
 * telephone-event, and reads the peer's connection address, port, first G.711 payload type and
 * direction. Deliberately minimal: one audio stream, IPv4, static payload types.
 */
public final class PhoneSdp {
    /** Media direction attribute. */
    public enum Direction { SENDRECV, SENDONLY, RECVONLY, INACTIVE }

    /** What the peer's SDP says. */
    public record Remote(InetSocketAddress address, int g711PayloadType, Direction direction,
                         boolean telephoneEvent) {
        /** True when the peer puts the stream on hold (sendonly / inactive, or the address 0.0.0.0). */
        public boolean hold() {
            return direction == Direction.SENDONLY || direction == Direction.INACTIVE
                    || address.getAddress().isAnyLocalAddress();
        }
    }

    private PhoneSdp() {}

    /** The phone's offer or answer: PCMU and PCMA (or only {@code g711PayloadType}), telephone-event 101. */
    public static String describe(long version, int rtpPort, Direction direction, Optional<Integer> g711PayloadType) {
        String pts = g711PayloadType.map(String::valueOf).orElse("0 8");
        StringBuilder b = new StringBuilder();
        b.append("v=0\r\n")
                .append("o=phone 1 ").append(version).append(" IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("c=IN IP4 127.0.0.1\r\n")
                .append("t=0 0\r\n")
                .append("m=audio ").append(rtpPort).append(" RTP/AVP ").append(pts).append(' ')
                .append(PhoneRtp.TELEPHONE_EVENT_PT).append("\r\n");
        if (pts.contains("0")) {
            b.append("a=rtpmap:0 PCMU/8000\r\n");
        }
        if (pts.contains("8")) {
            b.append("a=rtpmap:8 PCMA/8000\r\n");
        }
        b.append("a=rtpmap:").append(PhoneRtp.TELEPHONE_EVENT_PT).append(" telephone-event/8000\r\n")
                .append("a=fmtp:").append(PhoneRtp.TELEPHONE_EVENT_PT).append(" 0-15\r\n")
                .append("a=ptime:20\r\n")
                .append("a=").append(direction.name().toLowerCase(java.util.Locale.ROOT)).append("\r\n");
        return b.toString();
    }

    /** Reads the peer's SDP; empty when it has no usable audio line. */
    public static Optional<Remote> read(String sdp) {
        String address = null;
        int port = -1;
        int pt = -1;
        boolean te = false;
        Direction dir = Direction.SENDRECV;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("c=IN IP4 ")) {
                address = line.substring(9).trim();
            } else if (line.startsWith("m=audio ")) {
                String[] f = line.trim().split(" ");
                port = Integer.parseInt(f[1]);
                for (int i = 3; i < f.length; i++) {
                    if (f[i].equals("0") || f[i].equals("8")) {
                        pt = Integer.parseInt(f[i]);
                        break;
                    }
                }
            } else if (line.contains("telephone-event")) {
                te = true;
            } else if (line.startsWith("a=")) {
                for (Direction d : Direction.values()) {
                    if (line.trim().equals("a=" + d.name().toLowerCase(java.util.Locale.ROOT))) {
                        dir = d;
                    }
                }
            }
        }
        if (address == null || port <= 0 || pt < 0) {
            return Optional.empty();
        }
        return Optional.of(new Remote(new InetSocketAddress(address, port), pt, dir, te));
    }
}
