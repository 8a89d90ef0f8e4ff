package xyz.twzrd.ops.core.schedule;

import java.io.IOException;

/** Puts the managed block into a crontab text, replacing only an earlier managed block and leaving every other line alone. */
public final class ManagedBlock {
    private ManagedBlock() {
    }

    /**
     * The crontab text with the block in place: an existing block is replaced where it stands, otherwise the block is
     * appended. Refuses a crontab whose block is not closed, or holds two blocks.
     */
    public static String apply(String crontab, String block) throws IOException {
        String text = crontab == null ? "" : crontab;
        int begin = text.indexOf(Schedule.BEGIN);
        if (begin < 0) {
            String sep = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
            return text + sep + block;
        }
        if (text.indexOf(Schedule.BEGIN, begin + 1) >= 0) {
            throw new IOException("the crontab holds two twzrd-ops managed blocks; remove one by hand first");
        }
        int endMarker = text.indexOf(Schedule.END, begin);
        if (endMarker < 0) {
            throw new IOException("the crontab has '" + Schedule.BEGIN + "' without '" + Schedule.END
                    + "'; fix it by hand first (nothing was changed)");
        }
        int lineStart = text.lastIndexOf('\n', begin) + 1;
        int endLine = text.indexOf('\n', endMarker);
        int after = endLine < 0 ? text.length() : endLine + 1;
        return text.substring(0, lineStart) + block + text.substring(after);
    }
}
