/** The embedded H2 store under the data directory ({@link org.tollgate.gateway.store.GatewayStore}). */
package org.tollgate.gateway.store;
