/** Building call control from GatewayConfig (the one place that reads the configuration tree) and wiring it: CallControlModule, EndpointDirectory. */
package org.tollgate.callcontrol.adapter;
