package xyz.twzrd.ops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code twzrd-ops} command in the test JVM: its exit code and what it printed. */
record Run(int exit, String out, String err) {
    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
