package xyz.twzrd.ops.core.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finding a check's results among a job's builds cheaply, for a caller that keeps one record per check in each build
 * (the Jenkins plugin's build actions), without loading every build. Each record carries pointers: for every check,
 * the number of the newest earlier build that recorded it, as seen when the record was made. The previous result of
 * a check is then the build before (usually) or one hop away, and a trend of n results costs about n builds, not
 * every build in between. Records without pointers (older builds) and builds that are gone are handled by a plain
 * scan, bounded by {@code scanLimit} builds.
 *
 * <p>Jenkins-free: the caller says how to step through its builds ({@link Builds}).
 */
public final class BuildChain {
    private BuildChain() {
    }

    /** What the walk needs of a job's builds, newest to oldest. */
    public interface Builds<B> {
        /** The build before this one, null for the oldest. */
        B previous(B build);

        /** The build with this number, null when it is gone. */
        B byNumber(int number);

        int number(B build);

        /** The checks this build recorded (e.g. {@code alerts}); empty when none. */
        Set<String> checks(B build);

        /**
         * The pointers this build's records carry (check to the number of the newest earlier build that recorded
         * it), merged over its records; null when it has no record or its records predate pointers.
         */
        Map<String, Integer> pointers(B build);
    }

    /**
     * The newest earlier result of a check, and the pointers a new record made now stores.
     *
     * @param build    the newest build before the new one that recorded the check, null when none was found
     * @param pointers for every check, the newest build before the new one that recorded it
     */
    public record Earlier<B>(B build, TreeMap<String, Integer> pointers) {
    }

    /**
     * For a record about to be made in a build whose previous build is {@code before}: the previous result of
     * {@code check} and the pointers to store.
     */
    public static <B> Earlier<B> earlier(Builds<B> builds, B before, String check, int scanLimit) {
        B withRecords = firstWithRecords(builds, before, scanLimit);
        if (withRecords == null) {
            return new Earlier<>(null, new TreeMap<>());
        }
        TreeMap<String, Integer> view = view(builds, withRecords, scanLimit);
        B hit = at(builds, withRecords, check, scanLimit);
        if (hit != null) {
            view.merge(check, builds.number(hit), Math::max);
        }
        return new Earlier<>(hit, view);
    }

    /**
     * The newest builds at or before {@code newest} that recorded {@code check}, newest first, at most {@code max}:
     * about {@code max} builds are read, however far apart the results are.
     */
    public static <B> List<B> results(Builds<B> builds, B newest, String check, int max, int scanLimit) {
        List<B> out = new ArrayList<>();
        B hit = at(builds, firstWithRecords(builds, newest, scanLimit), check, scanLimit);
        while (hit != null && out.size() < max) {
            out.add(hit);
            hit = out.size() < max ? follow(builds, hit, check, scanLimit) : null;
        }
        return out;
    }

    /** The checks recorded in the newest {@code count} builds from {@code newest}, newest first. */
    public static <B> Set<String> recentChecks(Builds<B> builds, B newest, int count) {
        Set<String> out = new LinkedHashSet<>();
        B b = newest;
        for (int seen = 0; b != null && seen < count; seen++, b = builds.previous(b)) {
            out.addAll(builds.checks(b));
        }
        return out;
    }

    /** The first build from {@code from} (itself included) that has any record, within {@code scanLimit} builds. */
    private static <B> B firstWithRecords(Builds<B> builds, B from, int scanLimit) {
        B b = from;
        for (int seen = 0; b != null && seen < scanLimit; seen++, b = builds.previous(b)) {
            if (!builds.checks(b).isEmpty()) {
                return b;
            }
        }
        return null;
    }

    /** The newest build at or before {@code b} (a build with records, or null) that recorded the check. */
    private static <B> B at(Builds<B> builds, B b, String check, int scanLimit) {
        if (b == null) {
            return null;
        }
        if (builds.checks(b).contains(check)) {
            return b;
        }
        return follow(builds, b, check, scanLimit);
    }

    /**
     * The newest build before {@code b} that recorded the check: {@code b}'s pointer for it, or a scan from the build
     * before {@code b} when the pointers predate it or point at a build that is gone.
     */
    private static <B> B follow(Builds<B> builds, B b, String check, int scanLimit) {
        Map<String, Integer> pointers = builds.pointers(b);
        if (pointers != null) {
            Integer n = pointers.get(check);
            if (n == null) {
                return null;
            }
            B target = n < builds.number(b) ? builds.byNumber(n) : null;
            if (target != null && builds.checks(target).contains(check)) {
                return target;
            }
        }
        return scan(builds, builds.previous(b), check, scanLimit);
    }

    /** The first build from {@code from} that recorded the check, within {@code scanLimit} builds. */
    private static <B> B scan(Builds<B> builds, B from, String check, int scanLimit) {
        B b = from;
        for (int seen = 0; b != null && seen < scanLimit; seen++, b = builds.previous(b)) {
            if (builds.checks(b).contains(check)) {
                return b;
            }
        }
        return null;
    }

    /**
     * The pointers as seen from a build with records: its own, and its own checks pointing at itself. When its
     * records predate pointers, the builds before it are scanned once (within the limit) to fill them in.
     */
    private static <B> TreeMap<String, Integer> view(Builds<B> builds, B b, int scanLimit) {
        TreeMap<String, Integer> view = new TreeMap<>();
        B at = b;
        for (int seen = 0; at != null && seen < scanLimit; seen++, at = builds.previous(at)) {
            for (String c : builds.checks(at)) {
                view.putIfAbsent(c, builds.number(at));
            }
            Map<String, Integer> pointers = builds.pointers(at);
            if (pointers != null) {
                pointers.forEach(view::putIfAbsent);
                break;
            }
        }
        return view;
    }
}
