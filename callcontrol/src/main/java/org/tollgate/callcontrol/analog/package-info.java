/** FXS analog voice-ports as call endpoints, the port-driver interface, and the simulated phone driver. */
package org.tollgate.callcontrol.analog;
