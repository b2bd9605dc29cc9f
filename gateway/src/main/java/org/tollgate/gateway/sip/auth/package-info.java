/** Digest authentication for SIP (RFC 3261 22.4, RFC 7616, RFC 8760: SHA-256 and MD5, qop=auth). */
package org.tollgate.gateway.sip.auth;
