/** The SIP edge's slice of {@code GatewayConfig}: users, credentials, LPCOR groups, listening address. */
package org.tollgate.gateway.sip.config;
