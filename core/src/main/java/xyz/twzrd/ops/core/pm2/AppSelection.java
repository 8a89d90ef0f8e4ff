package xyz.twzrd.ops.core.pm2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which apps a restart targets: {@code all}, or a comma-separated list of PM2 app names; blank is refused. Names are validated
 * (letters, digits and {@code . _ - @ :}, at most 128 characters); they are only ever matched against
 * {@code pm2 jlist} and never passed to any command.
 *
 * @param names the named apps, empty for all
 */
public record AppSelection(List<String> names) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}");

    public AppSelection {
        names = List.copyOf(names);
    }

    public boolean all() {
        return names.isEmpty();
    }

    /** Why a blank selection is refused (it is never read as {@code all}). */
    public static final String BLANK = "is blank: a blank app list restarts nothing; say all to restart every app,"
            + " or name the apps (a,b)";

    /**
     * Parses {@code all} or {@code a,b,c}; throws with a message naming the bad name. Blank (or null) is refused
     * with {@link #BLANK}: an unset shell variable or an emptied field must not restart the whole fleet.
     */
    public static AppSelection parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(BLANK);
        }
        if (text.strip().equals("all")) {
            return new AppSelection(List.of());
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String n = part.strip();
            if (!NAME.matcher(n).matches()) {
                throw new IllegalArgumentException("'" + n + "' is not a valid PM2 app name (letters, digits, . _ - @ :)");
            }
            names.add(n);
        }
        return new AppSelection(new ArrayList<>(names));
    }

    /**
     * The selected apps of a listing, in the order named (for {@code all}: pm2's order; a cluster's instances in
     * pm2's order); throws naming the apps PM2 does not know.
     */
    public List<Pm2Process> select(List<Pm2Process> apps) {
        if (all()) {
            return apps;
        }
        List<String> missing = names.stream().filter(n -> apps.stream().noneMatch(a -> a.name().equals(n))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("PM2 has no app named " + String.join(", ", missing));
        }
        return names.stream().flatMap(n -> apps.stream().filter(a -> a.name().equals(n))).toList();
    }

    @Override
    public String toString() {
        return all() ? "all" : String.join(",", names);
    }
}
