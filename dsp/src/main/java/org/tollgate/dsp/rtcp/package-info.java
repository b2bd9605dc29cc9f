/** RTCP (RFC 3550 section 6): sender/receiver reports with SDES CNAME, and per-source reception statistics. */
package org.tollgate.dsp.rtcp;
