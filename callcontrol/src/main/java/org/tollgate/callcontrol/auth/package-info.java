/** The authorization step (forced authorization codes): the interface the aaa module implements, the call's digit source and prompt player, and straight-line digit collection. */
package org.tollgate.callcontrol.auth;
