/**
 * AAA method lists, RADIUS server groups and RADIUS client settings ({@code aaa ...}, {@code radius server}, {@code radius-server}).
 */
package org.tollgate.config.aaa;
