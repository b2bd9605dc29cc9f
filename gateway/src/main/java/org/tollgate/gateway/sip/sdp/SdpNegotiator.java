package org.tollgate.gateway.sip.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * SDP offer/answer (RFC 3264) for the gateway's audio: G.711 μ-law (PT 0), A-law (PT 8) and
 * {@code telephone-event/8000} (RFC 4733, dynamic PT, default 101), ptime 20.
 *
 * <p>Parsing uses the JAIN-SIP {@code javax.sdp} parser; the gateway's own SDP is written from a
 * fixed template (one audio stream, RTP/AVP). Limits: offers longer than {@link #MAX_SDP} (8192
 * characters) are refused; only the first {@code m=audio} line is negotiated, other streams are
 * answered with port 0 as RFC 3264 section 6 requires.
 */
public final class SdpNegotiator {
    /** Largest SDP body looked at. */
    public static final int MAX_SDP = 8192;
    /** Default telephone-event payload type in our offers. */
    public static final int DEFAULT_TELEPHONE_EVENT_PT = 101;

    private SdpNegotiator() {
    }

    /** G.711 codecs by preference. */
    public enum Codec {
        /** PCMU/8000, static payload type 0. */
        PCMU(0, "PCMU"),
        /** PCMA/8000, static payload type 8. */
        PCMA(8, "PCMA");

        private final int payloadType;
        private final String encoding;

        Codec(int payloadType, String encoding) {
            this.payloadType = payloadType;
            this.encoding = encoding;
        }

        /** The RTP payload type. */
        public int payloadType() {
            return payloadType;
        }

        /** The rtpmap encoding name. */
        public String encoding() {
            return encoding;
        }
    }

    /** Stream direction (RFC 3264 section 5.1); {@code sendonly}/{@code inactive} from the peer mean hold. */
    public enum Direction { SENDRECV, SENDONLY, RECVONLY, INACTIVE }

    /**
     * Our side of the media.
     *
     * @param sessionId o= session id (stable per call leg)
     * @param version o= version (incremented on every new offer of the leg)
     * @param address the gateway's RTP address (IPv4)
     * @param port the gateway's RTP port
     * @param codecs offered codecs, preferred first
     * @param telephoneEventPt telephone-event payload type, empty to not offer RFC 4733
     * @param direction the direction we offer
     */
    public record LocalMedia(long sessionId, long version, String address, int port, List<Codec> codecs,
            OptionalInt telephoneEventPt, Direction direction) {
        /** Validates. */
        public LocalMedia {
            Objects.requireNonNull(address, "address");
            codecs = List.copyOf(codecs);
            if (codecs.isEmpty() || port < 0 || port > 65_535) {
                throw new IllegalArgumentException("need at least one codec and a valid port");
            }
        }
    }

    /**
     * What was agreed for the audio stream.
     *
     * @param codec the codec both sides send
     * @param telephoneEventPt the RFC 4733 payload type, if both support it
     * @param remoteAddress where to send RTP
     * @param remotePort the peer's RTP port
     * @param remoteDirection the direction the peer asked for (hold when SENDONLY/INACTIVE or address 0.0.0.0)
     */
    public record MediaSelection(Codec codec, OptionalInt telephoneEventPt, String remoteAddress, int remotePort,
            Direction remoteDirection) {
        /** Whether the peer put the stream on hold. */
        public boolean remoteHold() {
            return remoteDirection == Direction.SENDONLY || remoteDirection == Direction.INACTIVE
                    || "0.0.0.0".equals(remoteAddress);
        }
    }

    /** Outcome of answering an offer or reading an answer. */
    public sealed interface Negotiation {
        /** Agreed: our answer SDP (empty when reading an answer) and the selection. */
        record Agreed(String answerSdp, MediaSelection selection) implements Negotiation {
        }

        /** No common codec or unusable SDP: the edge answers 488 Not Acceptable Here. */
        record NotAcceptable(String reason) implements Negotiation {
        }
    }

    /** Our offer. */
    public static String offer(LocalMedia local) {
        return render(local, local.codecs(), local.telephoneEventPt(), local.direction());
    }

    /** Answers a peer's offer with our capabilities (RFC 3264 section 6). */
    public static Negotiation answer(String offerSdp, LocalMedia local) {
        Optional<Remote> remote = parse(offerSdp);
        if (remote.isEmpty()) {
            return new Negotiation.NotAcceptable("unparsable SDP or no audio stream");
        }
        Remote r = remote.get();
        Optional<Codec> codec = r.formats().stream().flatMap(pt -> local.codecs().stream()
                .filter(c -> c.payloadType() == pt)).findFirst();
        if (codec.isEmpty()) {
            return new Negotiation.NotAcceptable("no common codec");
        }
        OptionalInt te = local.telephoneEventPt().isPresent() ? r.telephoneEventPt() : OptionalInt.empty();
        Direction ours = switch (r.direction()) {
            case SENDRECV -> local.direction();
            case SENDONLY -> Direction.RECVONLY;
            case RECVONLY -> Direction.SENDONLY;
            case INACTIVE -> Direction.INACTIVE;
        };
        MediaSelection sel = new MediaSelection(codec.get(), te, r.address(), r.port(), r.direction());
        return new Negotiation.Agreed(render(local, List.of(codec.get()), te, ours), sel);
    }

    /** Reads the peer's answer to our offer. */
    public static Negotiation readAnswer(String answerSdp, LocalMedia offered) {
        Optional<Remote> remote = parse(answerSdp);
        if (remote.isEmpty()) {
            return new Negotiation.NotAcceptable("unparsable SDP answer or no audio stream");
        }
        Remote r = remote.get();
        Optional<Codec> codec = r.formats().stream().flatMap(pt -> offered.codecs().stream()
                .filter(c -> c.payloadType() == pt)).findFirst();
        if (codec.isEmpty()) {
            return new Negotiation.NotAcceptable("answer holds none of the offered codecs");
        }
        OptionalInt te = offered.telephoneEventPt().isPresent() ? r.telephoneEventPt() : OptionalInt.empty();
        return new Negotiation.Agreed("", new MediaSelection(codec.get(), te, r.address(), r.port(), r.direction()));
    }

    private record Remote(String address, int port, List<Integer> formats, OptionalInt telephoneEventPt,
            Direction direction) {
    }

    private static Optional<Remote> parse(String sdp) {
        if (sdp == null || sdp.isEmpty() || sdp.length() > MAX_SDP) {
            return Optional.empty();
        }
        try {
            SessionDescription sd = SdpFactory.getInstance().createSessionDescription(sdp);
            Vector<?> mds = sd.getMediaDescriptions(false);
            if (mds == null) {
                return Optional.empty();
            }
            for (Object o : mds) {
                MediaDescription md = (MediaDescription) o;
                if (!"audio".equalsIgnoreCase(md.getMedia().getMediaType()) || md.getMedia().getMediaPort() == 0) {
                    continue;
                }
                Connection c = md.getConnection() != null ? md.getConnection() : sd.getConnection();
                if (c == null) {
                    return Optional.empty();
                }
                List<Integer> formats = new ArrayList<>();
                for (Object f : md.getMedia().getMediaFormats(false)) {
                    formats.add(Integer.parseInt(f.toString().trim()));
                }
                OptionalInt te = OptionalInt.empty();
                Direction dir = directionOf(sd.getAttributes(false), Direction.SENDRECV);
                dir = directionOf(md.getAttributes(false), dir);
                Vector<?> attrs = md.getAttributes(false);
                if (attrs != null) {
                    for (Object a : attrs) {
                        Attribute at = (Attribute) a;
                        if ("rtpmap".equalsIgnoreCase(at.getName()) && at.getValue() != null) {
                            String[] parts = at.getValue().trim().split("\\s+", 2);
                            if (parts.length == 2 && parts[1].toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")) {
                                int pt = Integer.parseInt(parts[0]);
                                if (formats.contains(pt)) {
                                    te = OptionalInt.of(pt);
                                }
                            }
                        }
                    }
                }
                return Optional.of(new Remote(c.getAddress(), md.getMedia().getMediaPort(), formats, te, dir));
            }
            return Optional.empty();
        } catch (SdpException | NumberFormatException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Direction directionOf(Vector<?> attrs, Direction fallback) throws SdpException {
        if (attrs == null) {
            return fallback;
        }
        for (Object a : attrs) {
            String name = ((Attribute) a).getName().toLowerCase(Locale.ROOT);
            switch (name) {
                case "sendrecv" -> {
                    return Direction.SENDRECV;
                }
                case "sendonly" -> {
                    return Direction.SENDONLY;
                }
                case "recvonly" -> {
                    return Direction.RECVONLY;
                }
                case "inactive" -> {
                    return Direction.INACTIVE;
                }
                default -> {
                    // other attributes do not set the direction
                }
            }
        }
        return fallback;
    }

    private static String render(LocalMedia local, List<Codec> codecs, OptionalInt te, Direction dir) {
        StringBuilder pts = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (Codec c : codecs) {
            pts.append(' ').append(c.payloadType());
            maps.append("a=rtpmap:").append(c.payloadType()).append(' ').append(c.encoding()).append("/8000\r\n");
        }
        if (te.isPresent()) {
            pts.append(' ').append(te.getAsInt());
            maps.append("a=rtpmap:").append(te.getAsInt()).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(te.getAsInt()).append(" 0-15\r\n");
        }
        return "v=0\r\n"
                + "o=tollgate " + local.sessionId() + " " + local.version() + " IN IP4 " + local.address() + "\r\n"
                + "s=tollgate\r\n"
                + "c=IN IP4 " + local.address() + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + local.port() + " RTP/AVP" + pts + "\r\n"
                + maps
                + "a=ptime:20\r\n"
                + "a=" + dir.name().toLowerCase(Locale.ROOT) + "\r\n";
    }
}
