package org.tollgate.gateway.sip.internal;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP {@code gov.nist.javax.sip.STACK_LOGGER}: the stack's own log lines go to SLF4J logger
 * {@code org.tollgate.gateway.sip.stack} instead of log4j 1.x (which is not on the class path).
 *
 * <p>The stack instantiates this class by reflection (public no-argument constructor). Stack
 * messages are chatty: they go to DEBUG/TRACE, only warnings and errors reach WARN/ERROR.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.tollgate.gateway.sip.stack");

    /** Creates the logger; called by the stack through reflection. */
    public Slf4jStackLogger() {
    }

    @Override public void logStackTrace() {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace", new Throwable("stack trace"));
        }
    }

    @Override public void logStackTrace(int traceLevel) {
        logStackTrace();
    }

    @Override public int getLineCount() {
        return 0;
    }

    @Override public void logException(Throwable ex) {
        LOG.warn("SIP stack exception", ex);
    }

    @Override public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override public void logError(String message) {
        LOG.error(message);
    }

    @Override public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override public boolean isLoggingEnabled(int logLevel) {
        return switch (logLevel) {
            case TRACE_NONE -> false;
            case TRACE_FATAL, TRACE_ERROR -> LOG.isErrorEnabled();
            case TRACE_WARN -> LOG.isWarnEnabled();
            case TRACE_INFO -> LOG.isDebugEnabled(); // the stack's INFO is per message: keep it at DEBUG
            case TRACE_DEBUG -> LOG.isDebugEnabled();
            default -> LOG.isTraceEnabled();
        };
    }

    @Override public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override public void logWarning(String message) {
        if (isTlsSetupNotice(message)) {
            LOG.debug(message); // the RI warns about its unused TLS defaults on every start
        } else if (message != null && message.startsWith("reparsing original request")) {
            // RELEASE_REFERENCES_STRATEGY=Normal: a finished transaction's request is kept as bytes and
            // parsed again when asked for (e.g. a new request reusing its branch); expected, not a fault
            LOG.debug(message);
        } else {
            LOG.warn(message);
        }
    }

    static boolean isTlsSetupNotice(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("tls security policy") || m.contains("keystore") || m.contains("truststore")
                || m.startsWith("tls ");
    }

    @Override public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override public void disableLogging() {
        // level is controlled by the SLF4J back-end configuration
    }

    @Override public void enableLogging() {
        // level is controlled by the SLF4J back-end configuration
    }

    @Override public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override public void setStackProperties(Properties stackProperties) {
        // nothing to read: levels come from the SLF4J back-end
    }

    @Override public String getLoggerName() {
        return LOG.getName();
    }
}
