package org.tollgate.aaa.show;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tollgate.aaa.lockout.FacLockout;
import org.tollgate.aaa.radius.RadiusServerState;

/**
 * Text of the AAA {@code show} commands, as pure functions of snapshots.
 *
 * <p>{@code show aaa servers} follows the IOS layout (one block per server: id, host, ports, state,
 * dead count, authentication and accounting counters), trimmed to the counters tollgate keeps.
 * {@code show aaa fac lockout} is a tollgate extension.
 */
public final class AaaShow {

    private AaaShow() {
    }

    /** {@code show aaa servers}. */
    public static String servers(List<RadiusServerState.Snapshot> servers, Instant now) {
        if (servers.isEmpty()) {
            return "No RADIUS servers configured or used\n";
        }
        StringBuilder out = new StringBuilder();
        int id = 1;
        for (RadiusServerState.Snapshot s : servers) {
            out.append("RADIUS: id ").append(id).append(", priority ").append(id).append(", host ").append(s.host())
                    .append(", auth-port ").append(s.authPort()).append(", acct-port ").append(s.acctPort())
                    .append('\n');
            out.append("     State: current ").append(s.deadUntil().isPresent() ? "DEAD" : "UP");
            s.deadUntil().ifPresent(until -> out.append(", remaining ")
                    .append(Duration.between(now, until).toSeconds()).append('s'));
            out.append('\n');
            out.append("     Dead: total count ").append(s.deadCount()).append('\n');
            out.append("     Authen: request ").append(s.authRequests()).append(", timeouts ").append(s.authTimeouts())
                    .append(", retransmission ").append(s.authRetransmissions()).append('\n');
            out.append("             Response: accept ").append(s.accepts()).append(", reject ").append(s.rejects())
                    .append(", incorrect ").append(s.incorrect()).append('\n');
            out.append("     Account: request ").append(s.acctRequests()).append(", timeouts ")
                    .append(s.acctTimeouts()).append('\n');
            out.append("             Response: ack ").append(s.acctAcks()).append('\n');
            id++;
        }
        return out.toString();
    }

    /** {@code show aaa fac lockout}. */
    public static String lockout(FacLockout lockout) {
        StringBuilder out = new StringBuilder();
        if (lockout.threshold() == 0) {
            out.append("FAC lockout: disabled\n");
        } else {
            out.append("FAC lockout: after ").append(lockout.threshold()).append(" consecutive failures, ")
                    .append(lockout.lockTime().toMinutes()).append(" minutes\n");
        }
        out.append("Lockouts: ").append(lockout.lockouts()).append(", refused attempts: ").append(lockout.refusals())
                .append('\n');
        List<FacLockout.Locked> locked = lockout.lockedCallers();
        if (locked.isEmpty()) {
            out.append("No caller locked out\n");
        } else {
            out.append(String.format("%-24s %s%n", "Caller", "Locked until"));
            for (FacLockout.Locked l : locked) {
                out.append(String.format("%-24s %s%n", l.caller(), l.until()));
            }
        }
        return out.toString();
    }
}
