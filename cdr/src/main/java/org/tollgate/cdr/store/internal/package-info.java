/** Store internals: the text codec of a record (also the golden-file format). */
package org.tollgate.cdr.store.internal;
