/** {@code line con 0}: the operator CLI on the gateway's own terminal, with JLine 3. */
package org.tollgate.lines.console;
