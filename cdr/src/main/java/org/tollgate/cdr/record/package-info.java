/** Per-leg call detail records folded from call control's immutable record events. */
package org.tollgate.cdr.record;
