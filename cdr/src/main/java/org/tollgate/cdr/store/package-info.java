/** The JDBC record store (H2 by default) with one durable queue table per sink, and its group-commit writer. */
package org.tollgate.cdr.store;
