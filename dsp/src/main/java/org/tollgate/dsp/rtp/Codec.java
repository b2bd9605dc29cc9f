package org.tollgate.dsp.rtp;

import org.tollgate.dsp.g711.G711;

/** The audio payload formats an {@link RtpStream} sends and receives (RFC 3551 static payload types). */
public enum Codec {
    /** G.711 μ-law, payload type 0. */
    PCMU(0),
    /** G.711 A-law, payload type 8. */
    PCMA(8);

    private final int payloadType;

    Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    /** The RTP payload type. */
    public int payloadType() {
        return payloadType;
    }

    /** Encodes {@code len} samples into {@code out}. */
    public void encode(short[] pcm, int off, byte[] out, int len) {
        switch (this) {
            case PCMU -> G711.linearToUlaw(pcm, off, out, 0, len);
            case PCMA -> G711.linearToAlaw(pcm, off, out, 0, len);
        }
    }

    /** Decodes {@code len} bytes into {@code out}. */
    public void decode(byte[] in, int off, short[] out, int len) {
        switch (this) {
            case PCMU -> G711.ulawToLinear(in, off, out, 0, len);
            case PCMA -> G711.alawToLinear(in, off, out, 0, len);
        }
    }
}
