/**
 * LPCOR resource groups, policies and endpoint memberships ({@code voice lpcor ...}, {@code lpcor incoming|outgoing}), and the Q.850 cause names accepted by {@code voice lpcor call-block cause}.
 */
package org.tollgate.config.lpcor;
