/**
 * The registrar (RFC 3261 section 10.3): {@code RegisterRequest → RegisterOutcome}, the in-memory
 * location service on an injected clock, and the configured SIP users.
 */
package org.tollgate.gateway.sip.registrar;
