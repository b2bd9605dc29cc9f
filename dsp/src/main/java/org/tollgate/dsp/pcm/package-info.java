/** 8 kHz 16-bit linear PCM helpers: dBm0 levels, sine synthesis, mixing, power. */
package org.tollgate.dsp.pcm;
