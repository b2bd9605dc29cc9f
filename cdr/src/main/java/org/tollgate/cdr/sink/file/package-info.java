/** {@code gw-accounting file}: CSV CDR files. */
package org.tollgate.cdr.sink.file;
