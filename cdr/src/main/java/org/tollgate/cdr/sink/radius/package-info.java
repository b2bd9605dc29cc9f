/** {@code gw-accounting aaa}: RADIUS accounting STOP records as plain attributes for a port the gateway implements. */
package org.tollgate.cdr.sink.radius;
