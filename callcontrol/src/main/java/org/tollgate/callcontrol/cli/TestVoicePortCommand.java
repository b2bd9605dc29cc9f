package org.tollgate.callcontrol.cli;

import org.tollgate.callcontrol.analog.AnalogPort;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.analog.VoicePorts;

import java.util.List;
import java.util.Optional;

import org.tollgate.callcontrol.show.VoicePortShow;

/**
 * {@code test voice port X/Y/Z <action>}: drives the simulated phone on a port, as an operator
 * would with a lab phone. Actions: {@code off-hook}, {@code on-hook}, {@code digits D}
 * (sent as in-band DTMF audio), {@code flash}, {@code auto-answer <rings>|off},
 * {@code speak [ms]} (talk for ms, default {@value #DEFAULT_SPEAK_MS}), {@code status}.
 * Every action answers with the port's status line and what the phone hears now.
 */
public final class TestVoicePortCommand {
    /** Default {@code speak} duration. */
    public static final int DEFAULT_SPEAK_MS = 1000;
    /** Largest accepted {@code auto-answer} ring count. */
    public static final int MAX_AUTO_ANSWER_RINGS = 20;

    private TestVoicePortCommand() {
    }

    /**
     * Runs one action; {@code args} are the words after the port id. Returns the text to print
     * (IOS-style {@code %} lines for errors).
     */
    public static String run(VoicePorts ports, String portId, List<String> args) {
        Optional<AnalogPort> port = ports.port(portId);
        if (port.isEmpty()) {
            return "% Voice port " + portId + " does not exist\n";
        }
        if (!(port.get().driver() instanceof SimulatedPhone phone)) {
            return "% Voice port " + portId + " has no simulated phone (driver " + port.get().driver().kind() + ")\n";
        }
        if (args.isEmpty()) {
            return "% Incomplete command.\n";
        }
        String action = args.getFirst();
        switch (action) {
            case "off-hook" -> phone.offHook();
            case "on-hook" -> phone.onHook();
            case "flash" -> phone.flash();
            case "status" -> {
                return VoicePortShow.port(port.get());
            }
            case "digits" -> {
                if (args.size() != 2 || !args.get(1).matches("[0-9*#A-Da-d]{1,32}")) {
                    return "% digits: 1..32 of 0-9 * # A-D\n";
                }
                phone.dial(args.get(1).toUpperCase(java.util.Locale.ROOT));
            }
            case "auto-answer" -> {
                if (args.size() != 2) {
                    return "% auto-answer <1-" + MAX_AUTO_ANSWER_RINGS + "> | off\n";
                }
                if (args.get(1).equals("off")) {
                    phone.autoAnswer(0);
                } else if (args.get(1).matches("\\d{1,2}") && Integer.parseInt(args.get(1)) >= 1
                        && Integer.parseInt(args.get(1)) <= MAX_AUTO_ANSWER_RINGS) {
                    phone.autoAnswer(Integer.parseInt(args.get(1)));
                } else {
                    return "% auto-answer <1-" + MAX_AUTO_ANSWER_RINGS + "> | off\n";
                }
            }
            case "speak" -> {
                int ms = DEFAULT_SPEAK_MS;
                if (args.size() == 2 && args.get(1).matches("\\d{1,5}")) {
                    ms = Math.max(20, Math.min(10_000, Integer.parseInt(args.get(1))));
                }
                phone.speak(ms);
            }
            default -> {
                return "% Invalid input: " + action
                        + " (off-hook, on-hook, digits, flash, auto-answer, speak, status)\n";
            }
        }
        return statusLine(port.get(), phone);
    }

    /** {@code 0/1/0: off-hook, port ORIGINATING, hearing dial tone}. */
    public static String statusLine(AnalogPort port, SimulatedPhone phone) {
        return port.config().id() + ": " + (phone.isOffHook() ? "off-hook" : "on-hook")
                + (phone.isRinging() ? ", ringing" : "") + ", port " + port.status()
                + ", hearing " + phone.hearing() + "\n";
    }
}
