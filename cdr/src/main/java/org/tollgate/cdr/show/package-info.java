/** {@code show call active|history voice} and {@code clear call voice}. */
package org.tollgate.cdr.show;
