/**
 * RTP media (RFC 3550/3551/4733): {@link org.tollgate.dsp.rtp.RtpEngine} opens
 * {@link org.tollgate.dsp.rtp.RtpStream}s that send paced 20 ms G.711 frames from a
 * {@link org.tollgate.dsp.pcm.PcmSource}, deliver jitter-buffered audio and RFC 4733 digits to a
 * {@link org.tollgate.dsp.rtp.MediaSink}, exchange RTCP reports and count packets and octets
 * ({@link org.tollgate.dsp.rtp.StreamCounters}). Packets are libjitsi {@code RawPacket}s.
 *
 * <pre>
 *  receive thread (NIO Selector) ──► RtpStream.onRtp ──► jitter buffer / RFC 4733 receiver / relay
 *  scheduler threads (20 ms fixed rate) ──► RtpStream.tick ──► send frame, play out to sink, RTCP
 * </pre>
 */
package org.tollgate.dsp.rtp;
