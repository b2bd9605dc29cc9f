/** Dial-peer routing: IOS destination-pattern wildcards, digit collection decisions and the hunt order. */
package org.tollgate.callcontrol.routing;
