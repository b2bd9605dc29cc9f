/** Rendering of call control's show commands (IOS layouts). */
package org.tollgate.callcontrol.show;
