/**
 * JAIN-SIP RI glue, not API: SLF4J loggers, the RFC 4475 message guard (parser factory and valve),
 * the UAS request dispatcher and the registry linking RI-instantiated classes to their server.
 */
package org.tollgate.gateway.sip.internal;
