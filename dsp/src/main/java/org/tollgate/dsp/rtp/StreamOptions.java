package org.tollgate.dsp.rtp;

import java.net.InetSocketAddress;

/**
 * Per-stream options.
 *
 * @param codec                       audio payload format (default PCMU)
 * @param telephoneEventPayloadType   RFC 4733 payload type negotiated in SDP (default 101)
 * @param symmetric                   latch the remote address to the source of the first packet received
 *                                    (symmetric RTP, RFC 4961), overriding the signalled one (default true)
 * @param sendSilence                 send μ-law/A-law silence when nothing is playing (default true, as a
 *                                    gateway without VAD does); when false nothing is sent while idle
 * @param remote                      the peer's RTP address from signalling, or null to learn it by latching
 */
public record StreamOptions(Codec codec, int telephoneEventPayloadType, boolean symmetric, boolean sendSilence,
                            InetSocketAddress remote) {
    /** Validates the payload type range 96..127 (dynamic). */
    public StreamOptions {
        if (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127) {
            throw new IllegalArgumentException("telephone-event payload type must be dynamic (96..127)");
        }
    }

    /** PCMU, telephone-event 101, symmetric, silence when idle, remote learnt by latching. */
    public static StreamOptions defaults() {
        return new StreamOptions(Codec.PCMU, 101, true, true, null);
    }

    /** These options with {@code remote} as the signalled peer address. */
    public StreamOptions withRemote(InetSocketAddress r) {
        return new StreamOptions(codec, telephoneEventPayloadType, symmetric, sendSilence, r);
    }

    /** These options with idle silence on or off. */
    public StreamOptions withSendSilence(boolean on) {
        return new StreamOptions(codec, telephoneEventPayloadType, symmetric, on, remote);
    }
}
