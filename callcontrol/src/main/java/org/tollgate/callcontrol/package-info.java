/**
 * Call control: the call state machine, dial-peer routing, LPCOR policies and analog voice-ports.
 *
 * <h2>Call lifecycle</h2>
 * <pre>
 *   incoming leg                 call (one mailbox, pure CallMachine)                 outgoing leg(s)
 *   ────────────                 ───────────────────────────────────                 ───────────────
 *   off-hook / INVITE ──► start ─► CollectingDigits  (dial tone, inter-digit timer)
 *   digits ────────────────────►      │ number complete (no longer match / T + timeout / #)
 *                                     ▼
 *                                  [route]  dial-peers in hunt order (longest match, preference, tag)
 *                                     │  LPCOR: caller's lpcor incoming × callee's lpcor outgoing policy
 *                 reject ─────────────┤── next peer … none left ──► Released (call-block cause 63, reorder)
 *                 accept fac ─────────┤──► Authorizing ──(AuthorizationApplication, aaa)──┐
 *   digits ─► forwarded to FAC ◄──────┘       success │ failure → next peer               │
 *                 accept ─────────────────────────────┴──► OutgoingSetup ── Offer ────────► ring / INVITE
 *                                                              │ busy / no answer / fail → next peer (unless huntstop)
 *   ringback ◄─────────────────────────────────────────── Alerting ◄──────────────────── alerting
 *   connect  ◄─────────────────────────────────────────── Connected ◄─────────────────── answered
 *   on-hook / BYE ──► Released ──► Release ────────────────────────────────────────────► release
 * </pre>
 * Release from either side is accepted in every state, including mid-prompt. Every state change
 * emits an immutable {@link org.tollgate.callcontrol.record.CallRecordEvent} to the
 * {@link org.tollgate.callcontrol.record.CallRecordSink} (for {@code cdr}).
 *
 * <h2>Packages</h2>
 * <ul>
 * <li>{@code call}: the pure state machine ({@code CallState}, {@code CallEvent}, {@code Action},
 *     {@code CallMachine}).</li>
 * <li>{@code engine}: {@code CallControl}, which runs calls (mailbox per call, timers on an injected
 *     {@code time.CallScheduler}).</li>
 * <li>{@code routing}: IOS {@code destination-pattern} and the dial plan / hunt order.</li>
 * <li>{@code lpcor}: LPCOR groups, policies and decisions.</li>
 * <li>{@code auth}: the authorization-step interface implemented by {@code aaa}.</li>
 * <li>{@code leg}: the signaling side of a leg ({@code LegSignaling}, {@code LegEvents},
 *     {@code LegFactory}) — SIP lives in {@code gateway}, analog ports here.</li>
 * <li>{@code analog}: FXS voice-ports, the port-driver interface and the simulated phone.</li>
 * <li>{@code record}: call record events for {@code cdr}.</li>
 * <li>{@code cause}: Q.850 causes.</li>
 * <li>{@code adapter}: building all of it from {@code GatewayConfig}; {@code CallControlModule}.</li>
 * <li>{@code show}, {@code cli}: {@code show}/{@code test} command output and registration.</li>
 * </ul>
 */
package org.tollgate.callcontrol;
