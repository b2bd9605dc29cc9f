/** The signaling side of a call leg: commands to it, events from it, and the factory for outgoing legs. */
package org.tollgate.callcontrol.leg;
