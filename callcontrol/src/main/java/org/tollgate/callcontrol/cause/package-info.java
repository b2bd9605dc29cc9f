/** Q.850 disconnect causes with IOS names and hex rendering. */
package org.tollgate.callcontrol.cause;
