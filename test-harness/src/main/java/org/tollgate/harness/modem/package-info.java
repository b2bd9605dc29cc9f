/**
 * A Hayes AT modem emulator and a simulated telephone network for modem-line tests.
 *
 * <p>{@link org.tollgate.harness.modem.TelephoneNetwork} joins {@link org.tollgate.harness.modem.EmulatedModem}s
 * by number; {@link org.tollgate.harness.modem.ModemBench} puts each modem on a socat pseudo-terminal pair
 * ({@link org.tollgate.harness.modem.SocatPtyPair}, {@link org.tollgate.harness.modem.PtyModem}) so that the
 * gateway opens the other end through jSerialComm as a real port, and a test's
 * {@link org.tollgate.harness.modem.PtyTerminal} plays the caller's terminal;
 * {@link org.tollgate.harness.modem.TerminalScreen} renders what that terminal shows;
 * {@link org.tollgate.lines.tty.ManualLineScheduler} is fake time for unit tests of the emulator.
 */
package org.tollgate.harness.modem;
