/**
 * Hayes modem control for a line: result codes ({@link org.tollgate.lines.modem.ResultCode}), waiting for them,
 * answering and hanging up ({@link org.tollgate.lines.modem.ModemLink}), and finding carrier loss in the data
 * stream ({@link org.tollgate.lines.modem.CarrierWatch}, {@link org.tollgate.lines.modem.CallInput}) because DCD
 * is not available on every port.
 */
package org.tollgate.lines.modem;
