/**
 * RFC 4733 telephone-events (DTMF relay "rtp-nte"): payload codec, the sender's packet plan and a
 * de-duplicating receiver. The RTP framing of these payloads uses libjitsi's {@code DtmfRawPacket}
 * (see {@link org.tollgate.dsp.rtp.RtpPackets}).
 */
package org.tollgate.dsp.rfc4733;
