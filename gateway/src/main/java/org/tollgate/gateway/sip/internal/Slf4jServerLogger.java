package org.tollgate.gateway.sip.internal;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JAIN-SIP {@code gov.nist.javax.sip.SERVER_LOGGER} (interface {@code gov.nist.core.ServerLogger} in
 * RI 1.3.0-91): every SIP message sent or received is logged at TRACE on SLF4J logger
 * {@code org.tollgate.gateway.sip.messages}, never at INFO (nothing per packet at INFO).
 */
public final class Slf4jServerLogger implements ServerLogger {
    private static final Logger LOG = LoggerFactory.getLogger("org.tollgate.gateway.sip.messages");

    /** Creates the logger; called by the stack through reflection. */
    public Slf4jServerLogger() {
    }

    @Override public void closeLogFile() {
        // no file: SLF4J owns the output
    }

    @Override public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
        }
    }

    @Override public void logMessage(SIPMessage message, String from, String to, String status, boolean sender,
            long time) {
        logMessage(message, from, to, sender, time);
    }

    @Override public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, sender, 0L);
    }

    @Override public void logException(Exception ex) {
        LOG.debug("SIP message exception", ex);
    }

    @Override public void setStackProperties(Properties stackProperties) {
        // nothing to read
    }

    @Override public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
