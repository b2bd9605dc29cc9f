package org.tollgate.harness.legs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tollgate.callcontrol.leg.LegCommand;
import org.tollgate.callcontrol.leg.LegSignaling;

/**
 * A SIP-like incoming leg (the seed's {@code 786786} phone) that records every command call control
 * sends it, for tests that drive call control directly and check what the caller was played.
 */
public final class RecordingLeg implements LegSignaling {
    /** The commands received, in order. */
    public final List<LegCommand> commands = new CopyOnWriteArrayList<>();

    @Override
    public void handle(LegCommand command) {
        commands.add(command);
    }

    @Override
    public String describe() {
        return "sip:786786@127.0.0.1";
    }

    /** Whether the prompt {@code url} was played to the caller. */
    public boolean heardPrompt(String url) {
        return commands.stream().anyMatch(c -> c instanceof LegCommand.PlayPrompt p && p.promptUrl().equals(url));
    }
}
