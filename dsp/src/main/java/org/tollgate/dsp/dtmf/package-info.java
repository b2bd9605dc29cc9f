/**
 * DTMF (ITU-T Q.23/Q.24): {@link org.tollgate.dsp.dtmf.DtmfDetector} finds digits in 8 kHz PCM or
 * μ-law, {@link org.tollgate.dsp.dtmf.DtmfGenerator} makes in-band digits, and
 * {@link org.tollgate.dsp.dtmf.DtmfDigit} maps keypad symbols, frequencies and RFC 4733 event codes.
 */
package org.tollgate.dsp.dtmf;
