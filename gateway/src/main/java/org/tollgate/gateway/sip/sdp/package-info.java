/** SDP offer/answer (RFC 3264) for G.711 μ/A-law and RFC 4733 telephone-event; pure. */
package org.tollgate.gateway.sip.sdp;
