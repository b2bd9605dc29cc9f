/** The call state machine: sealed states and events, actions, and the pure transition function CallMachine. */
package org.tollgate.callcontrol.call;
