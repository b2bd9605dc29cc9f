/**
 * tollgate's media layer: everything that touches audio samples or RTP packets. It depends only on
 * {@code config}; call control drives it.
 *
 * <pre>
 *   analog port / simulated phone            IP leg
 *   ───────────────────────────              ──────────────────────────────────────────────
 *   PCM in ─► dtmf.DtmfDetector ─► digits     RTP in ─► rtp.RtpStream ─► JitterBuffer ─► MediaSink (PCM)
 *   PCM out ◄─ tone.ToneGenerator                               └─► rfc4733 receiver ─► digits
 *            ◄─ prompt.PromptAudio (.au)      RTP out ◄─ rtp.RtpStream.play(PcmSource) (20 ms, G.711)
 *            ◄─ dtmf.DtmfGenerator                     ◄─ rtp.RtpStream.sendDigit (RFC 4733)
 *   ear: tone.ToneClassifier, prompt.PromptRecognizer      B2BUA: relay.MediaRelay(legA, legB)
 * </pre>
 *
 * Lifecycle of IP media: one {@link org.tollgate.dsp.rtp.RtpEngine} per gateway (started with a
 * {@link org.tollgate.dsp.sched.MediaScheduler}), one {@link org.tollgate.dsp.rtp.RtpStream} per call leg,
 * opened at offer/answer and closed at release; its {@link org.tollgate.dsp.rtp.StreamCounters} are read
 * for {@code show call active voice} and the CDR at release. See docs/dsp.md.
 */
package org.tollgate.dsp;
