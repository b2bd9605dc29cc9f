/**
 * Per-leg call detail records and per-feature records (forward, transfer, conference, park,
 * pickup), folded from call control's immutable record events.
 */
package org.tollgate.cdr.record;
