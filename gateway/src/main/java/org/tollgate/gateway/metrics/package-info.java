/** Prometheus meters ({@link org.tollgate.gateway.metrics.GatewayMetrics}) and the HTTP {@code /metrics} + {@code /health} endpoint. */
package org.tollgate.gateway.metrics;
