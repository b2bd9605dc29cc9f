package org.tollgate.gateway.sip.internal;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.Optional;

/**
 * {@code gov.nist.javax.sip.MESSAGE_PARSER_FACTORY}: runs {@link SipMessageGuard#checkRaw} on the
 * raw bytes before the RI's {@link StringMsgParser}. A rejected request is parsed again from its
 * {@link SipMessageGuard#sanitizeForResponse reduced form} and marked with a
 * {@link SipMessageGuard.Rejection}, which {@link GuardValve} answers over the request's own
 * transport; if even that fails to parse, a {@link ParseException} lets the RI answer 400 where it
 * can. A dropped message is returned as null, which the RI ignores.
 */
public final class GuardedParserFactory implements MessageParserFactory {

    /** Created by the stack through reflection. */
    public GuardedParserFactory() {
    }

    @Override public MessageParser createMessageParser(SIPTransactionStack stack) {
        Optional<StackHooks.Hooks> hooks = StackHooks.lookup(((gov.nist.javax.sip.SipStackImpl) stack).getStackName());
        StringMsgParser delegate = new StringMsgParser();
        return (bytes, readBody, strict, listener) -> {
            boolean datagram = listener instanceof MessageChannel mc && !mc.isReliable();
            SipMessageGuard.Verdict v = SipMessageGuard.checkRaw(bytes, datagram);
            switch (v) {
                case SipMessageGuard.Verdict.Pass p -> {
                    // parse below
                }
                case SipMessageGuard.Verdict.Drop d -> {
                    hooks.ifPresent(h -> h.dropped(d.reason()));
                    return null;
                }
                case SipMessageGuard.Verdict.Reject r -> {
                    hooks.ifPresent(h -> h.rejected(r.status(), r.reason()));
                    SIPMessage reduced;
                    try {
                        reduced = delegate.parseSIPMessage(SipMessageGuard.sanitizeForResponse(bytes), true, false,
                                listener);
                    } catch (ParseException e) {
                        throw new ParseException(r.reason(), 0); // the RI answers 400 where it can, else drops
                    }
                    if (!(reduced instanceof SIPRequest)) {
                        throw new ParseException(r.reason(), 0);
                    }
                    reduced.setApplicationData(new SipMessageGuard.Rejection(r.status(), r.reason()));
                    return reduced; // GuardValve answers it
                }
            }
            SIPMessage parsed = delegate.parseSIPMessage(bytes, readBody, strict, listener);
            return parsed;
        };
    }
}
