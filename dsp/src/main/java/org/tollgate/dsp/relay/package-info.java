/** B2BUA media relay between two RTP legs with per-leg counters. */
package org.tollgate.dsp.relay;
