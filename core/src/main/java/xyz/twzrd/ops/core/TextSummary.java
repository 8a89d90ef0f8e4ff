package xyz.twzrd.ops.core;

import java.util.StringJoiner;

/** The short human summary the runner prints: one line when all is OK, one more line per finding that is not. */
public final class TextSummary {
    private TextSummary() {
    }

    public static String render(CheckResult r) {
        StringJoiner out = new StringJoiner(System.lineSeparator());
        out.add(r.getSummary());
        for (Finding f : r.getFindings()) {
            if (f.severity() != Severity.OK) {
                out.add("  " + f.severity() + " " + f.id() + ": " + f.message());
            }
        }
        return out.toString();
    }
}
