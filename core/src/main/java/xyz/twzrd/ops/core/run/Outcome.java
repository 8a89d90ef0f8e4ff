package xyz.twzrd.ops.core.run;

import java.util.Locale;

/** What a check does to the build (stage) that ran it: Jenkins maps these to SUCCESS, UNSTABLE and FAILURE. */
public enum Outcome {
    SUCCESS, UNSTABLE, FAILURE;

    public static Outcome parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + name + "' is not a build outcome (SUCCESS, UNSTABLE or FAILURE)");
        }
    }
}
