package org.tollgate.callcontrol.show;

import org.tollgate.callcontrol.analog.AnalogPort;
import org.tollgate.callcontrol.analog.PortStatus;
import org.tollgate.callcontrol.analog.SimulatedPhone;
import org.tollgate.callcontrol.analog.VoicePorts;

/**
 * {@code show voice port summary} (IOS column layout) and {@code show voice port X/Y/Z} (the port's
 * configuration, state and — for a simulated phone — what the phone hears).
 */
public final class VoicePortShow {
    private VoicePortShow() {
    }

    static final String SUMMARY_HEADER = """
                                                   IN       OUT
            PORT            CH   SIG-TYPE   ADMIN OPER STATUS   STATUS   EC
            =============== == ============ ===== ==== ======== ======== ==
            """;

    /** {@code show voice port summary}. */
    public static String summary(VoicePorts ports) {
        StringBuilder sb = new StringBuilder(SUMMARY_HEADER);
        for (AnalogPort p : ports.all()) {
            PortStatus s = p.status();
            boolean shut = s == PortStatus.SHUTDOWN;
            String oper = shut ? "down" : s == PortStatus.IDLE ? "dorm" : "up";
            String in = switch (s) {
                case ORIGINATING, CONNECTED, RELEASED_OFF_HOOK -> "off-hook";
                case IDLE, RESERVED, RINGING, SHUTDOWN -> "on-hook";
            };
            String out = switch (s) {
                case IDLE, SHUTDOWN, RELEASED_OFF_HOOK, ORIGINATING -> "idle";
                case RESERVED -> "seized";
                case RINGING -> "ringing";
                case CONNECTED -> "active";
            };
            sb.append(String.format("%-15s %-2s %-12s %-5s %-4s %-8s %-8s %-2s%n", p.config().id(), "--", " fxs-ls",
                    shut ? "down" : "up", oper, in, out, "y"));
        }
        return sb.toString();
    }

    /** {@code show voice port X/Y/Z} / {@code test voice port X/Y/Z status}. */
    public static String port(AnalogPort p) {
        StringBuilder sb = new StringBuilder();
        var c = p.config();
        sb.append("Foreign Exchange Station ").append(c.id()).append(" Slot is ").append(c.id().split("/")[0])
                .append(", Sub-unit is ").append(c.id().split("/").length > 1 ? c.id().split("/")[1] : "0")
                .append(", Port is ").append(c.id().substring(c.id().lastIndexOf('/') + 1)).append('\n');
        sb.append(" Type of VoicePort is FXS (driver ").append(p.driver().kind()).append(")\n");
        sb.append(" Operation State is ").append(p.status() == PortStatus.SHUTDOWN ? "DOWN" : "UP").append('\n');
        sb.append(" Administrative State is ").append(c.shutdown() ? "DOWN" : "UP").append('\n');
        sb.append(" Port state is ").append(p.status()).append('\n');
        sb.append(" Station ID name ").append(c.stationName().isEmpty() ? "(none)" : c.stationName())
                .append(", number ").append(c.stationNumber().isEmpty() ? "(none)" : c.stationNumber()).append('\n');
        sb.append(" Caller ID is ").append(c.callerId() ? "enabled" : "disabled").append('\n');
        sb.append(" LPCOR incoming ").append(c.lpcorIncoming().orElse("(none)"))
                .append(", outgoing ").append(c.lpcorOutgoing().orElse("(none)")).append('\n');
        c.interdigit().ifPresent(d -> sb.append(" Interdigit timeout ").append(d.toSeconds()).append(" s\n"));
        if (!p.lastCall().isEmpty()) {
            sb.append(" Last call ").append(p.lastCall()).append('\n');
        }
        p.lastCause().ifPresent(cause -> sb.append(" Last disconnect cause ").append(cause.hex()).append(" (")
                .append(cause.describe()).append(")\n"));
        if (p.driver() instanceof SimulatedPhone phone) {
            sb.append(" Simulated phone: ").append(phone.isOffHook() ? "off-hook" : "on-hook")
                    .append(phone.isRinging() ? ", ringing" : "")
                    .append(", auto-answer ").append(phone.autoAnswerRings() == 0 ? "off" : phone.autoAnswerRings() + " rings")
                    .append('\n');
            sb.append("  hearing: ").append(phone.hearing()).append('\n');
            sb.append("  heard: ").append(String.join(", ", phone.history())).append('\n');
        }
        return sb.toString();
    }
}
