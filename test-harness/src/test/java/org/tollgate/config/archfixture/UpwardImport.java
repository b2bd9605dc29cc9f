package org.tollgate.config.archfixture;

import org.tollgate.gateway.Main;

/** A deliberate layering violation (config importing gateway), used only to prove the rule fires. */
public final class UpwardImport {
    private UpwardImport() {}

    public static int call() {
        return Main.run(new String[] {"help"});
    }
}
