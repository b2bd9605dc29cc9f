/**
 * Conference audio mixing: {@link org.tollgate.dsp.mixer.ConferenceMixer} sums 8 kHz 16-bit linear
 * PCM frames of N parties and gives each party the sum of the others (its own voice removed),
 * clipped to the 16-bit range.
 */
package org.tollgate.dsp.mixer;
