/** Q.850 cause ↔ SIP status (RFC 3398, RFC 4497) and the {@code Reason: Q.850} header (RFC 3326); pure. */
package org.tollgate.gateway.sip.cause;
