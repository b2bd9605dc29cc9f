/** ITU-T G.711 μ-law and A-law companding (table driven, tables built from libjitsi/fmj's codec utilities). */
package org.tollgate.dsp.g711;
