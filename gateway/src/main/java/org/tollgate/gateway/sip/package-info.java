/**
 * The SIP edge of the gateway (issue 5, foundation step).
 *
 * <pre>
 *   GatewayConfig ──SipConfiguration──▶ SipUserDirectory, SipServerSettings
 *                                             │
 *   SipEdge.start ─▶ SipServer.start ─▶ JAIN-SIP RI stack (UDP + TCP, one port)
 *        raw bytes ─▶ GuardedParserFactory (SipMessageGuard.checkRaw) ─▶ RI parser
 *                  ─▶ GuardValve (checkParsed, RFC 2543 fix-ups, branch reuse, overload 503)
 *                  ─▶ RI transactions ─▶ RequestDispatcher (RFC 3261 8.2)
 *                        OPTIONS → 200 │ REGISTER → Registrar │ INVITE, in-dialog → SipCallHandler
 *                        INFO/NOTIFY DTMF → DigitEvent → SipCallHandler.onDigit
 *   SipEdge.close / SipServer.close ─▶ stack stopped, ports freed
 * </pre>
 *
 * Pure parts: {@code cause} (Q.850 ↔ SIP, Reason), {@code dtmf} (relay codecs), {@code sdp}
 * (offer/answer), {@code registrar} and {@code auth}. See {@code docs/sip.md}.
 */
package org.tollgate.gateway.sip;
