/** The call engine CallControl: runs each call's state machine over its own mailbox and carries out the actions. */
package org.tollgate.callcontrol.engine;
