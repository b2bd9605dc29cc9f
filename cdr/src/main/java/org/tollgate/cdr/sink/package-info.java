/** Accounting back-ends and the runner that drains each one's durable queue. */
package org.tollgate.cdr.sink;
