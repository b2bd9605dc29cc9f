/**
 * Call-progress tones (North American plan): {@link org.tollgate.dsp.tone.CallProgressTone},
 * the {@link org.tollgate.dsp.tone.ToneGenerator} that plays them and the
 * {@link org.tollgate.dsp.tone.ToneClassifier} that recognises them (and voice) for simulated phones.
 */
package org.tollgate.dsp.tone;
