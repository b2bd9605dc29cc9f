/** The CDR pipeline as one service, and the sinks a configuration asks for. */
package org.tollgate.cdr.service;
