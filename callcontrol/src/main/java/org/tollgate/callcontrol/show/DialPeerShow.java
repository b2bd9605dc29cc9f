package org.tollgate.callcontrol.show;

import org.tollgate.callcontrol.routing.DialPeer;
import org.tollgate.callcontrol.routing.DialPeerTarget;
import org.tollgate.callcontrol.routing.DialPlan;

/** {@code show dial-peer voice summary}, in IOS's column layout (one line per dial-peer, tag order). */
public final class DialPeerShow {
    private DialPeerShow() {
    }

    static final String HEADER = """
            dial-peer hunt 0
                         AD                                    PRE PASS                OUT
            TAG    TYPE  MIN  OPER PREFIX    DEST-PATTERN      FER THRU SESS-TARGET    STAT PORT
            """;

    public static String summary(DialPlan plan) {
        StringBuilder sb = new StringBuilder(HEADER);
        plan.peers().stream().sorted(java.util.Comparator.comparingInt(DialPeer::tag)).forEach(p -> {
            String target = "";
            String port = "";
            switch (p.target()) {
                case DialPeerTarget.Pots pots -> port = pots.port();
                case DialPeerTarget.Voip v -> target = v.sessionTarget();
                case DialPeerTarget.Line l -> port = l.endpoint().replace(' ', '-');
            }
            String line = String.format("%-6d %-5s %-4s %-4s %-9s %-17s %-3d %-4s %-14s %-4s %s%s", p.tag(), p.kind(),
                    "up", "up", "", p.pattern().text(), p.preference(), p.kind().equals("voip") ? "syst" : "",
                    target, "up", port, p.huntstop() ? " huntstop" : "");
            sb.append(line.stripTrailing()).append('\n');
        });
        return sb.toString();
    }
}
