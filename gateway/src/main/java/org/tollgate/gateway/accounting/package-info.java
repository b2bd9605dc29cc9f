/** The CDR pipeline's RADIUS port over the aaa module. */
package org.tollgate.gateway.accounting;
