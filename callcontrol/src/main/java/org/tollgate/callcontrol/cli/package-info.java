/** Call control's EXEC commands (show voice lpcor, show voice port, show dial-peer voice summary, test voice port) for the IOS CLI framework. */
package org.tollgate.callcontrol.cli;
