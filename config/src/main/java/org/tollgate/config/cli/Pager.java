package org.tollgate.config.cli;

/**
 * IOS {@code --More--} paging: after {@code length - 1} lines the pager shows {@code " --More-- "} and
 * waits for a key: space shows the next page, Return (CR or LF) the next line, {@code q} (or any other
 * key, as IOS does) stops the output. {@code length} 0 disables paging ({@code terminal length 0}).
 */
public final class Pager {
    /** The prompt IOS shows between pages. */
    public static final String MORE = " --More-- ";

    private Pager() {}

    /**
     * Writes {@code text} (lines ended by {@code \n}) to the terminal page by page.
     *
     * @return false when the reader quit before the end
     */
    public static boolean page(String text, int length, CliTerminal term) {
        if (length <= 0) {
            term.write(text);
            return true;
        }
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        int budget = Math.max(1, length - 1);
        int i = 0;
        while (i < count) {
            int shown = 0;
            while (i < count && shown < budget) {
                term.write(lines[i] + (i < lines.length - 1 ? "\n" : ""));
                i++;
                shown++;
            }
            if (i >= count) {
                break;
            }
            term.write(MORE);
            int key = term.readKey();
            term.write("\b".repeat(MORE.length()) + " ".repeat(MORE.length()) + "\b".repeat(MORE.length()));
            if (key == ' ') {
                budget = Math.max(1, length - 1);
                continue;
            }
            if (key == '\r' || key == '\n') {
                budget = 1;
                continue;
            }
            return false;
        }
        return true;
    }
}
