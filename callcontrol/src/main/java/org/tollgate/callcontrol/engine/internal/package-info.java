/** Engine internals: the per-call mailbox and the authorization digit source. Not API. */
package org.tollgate.callcontrol.engine.internal;
