/** Implementation detail of the DTMF detector: precise frequency and level measurement. */
package org.tollgate.dsp.dtmf.internal;
