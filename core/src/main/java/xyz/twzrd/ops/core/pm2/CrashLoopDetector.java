package xyz.twzrd.ops.core.pm2;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds crash loops in PM2's own log ({@code PM2_HOME/pm2.log}), which records every exit of an app with a time:
 * {@code 2026-11-28T18:42:42: PM2 log: App [crasher:1] exited with code [1] via signal [SIGINT]}.
 * An exit that directly follows {@code Stopping app:NAME id:N} was asked for (pm2 restart, reload, stop) and is
 * not counted. The log's times are the host's local time at one-second resolution without a zone, so they are
 * read with the host's current UTC offset. An app is looping when more than {@code maxExits} of its unplanned
 * exits fall within one {@code window}, counting only exits after {@code since}.
 */
public final class CrashLoopDetector {
    private static final Pattern EXIT = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d): PM2 log: App \\[(.+):(\\d+)] exited with code \\[([^]]*)] via signal \\[([^]]*)]");
    private static final Pattern STOPPING = Pattern.compile("^\\S+: PM2 log: Stopping app:(.+) id:(\\d+)$");

    /**
     * The evidence for one app.
     *
     * @param app       app name
     * @param exits     unplanned exits after {@code since}
     * @param maxInWindow the most exits found within one window
     * @param windowStart first exit of that busiest window
     * @param lastExit  the last exit seen
     */
    public record Evidence(String app, int exits, int maxInWindow, Instant windowStart, Instant lastExit) {
    }

    private CrashLoopDetector() {
    }

    /** Unplanned exits per app (times in UTC) found in the log text; unparseable lines are skipped. */
    static Map<String, List<Instant>> exits(String log, ZoneOffset offset) {
        Map<String, List<Instant>> out = new TreeMap<>();
        Set<String> stopping = new HashSet<>();
        for (String line : log.split("\n")) {
            Matcher s = STOPPING.matcher(line.stripTrailing());
            if (s.find()) {
                stopping.add(s.group(1) + ":" + s.group(2));
                continue;
            }
            Matcher m = EXIT.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (stopping.remove(m.group(2) + ":" + m.group(3))) {
                continue;
            }
            try {
                Instant t = LocalDateTime.parse(m.group(1)).toInstant(offset);
                out.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(t);
            } catch (DateTimeParseException e) {
                // a torn first line of the tail: skip it
            }
        }
        return out;
    }

    /** The evidence per app with at least one unplanned exit after {@code since}. */
    public static List<Evidence> evidence(String log, ZoneOffset offset, Instant since, Duration window) {
        List<Evidence> out = new ArrayList<>();
        exits(log, offset).forEach((app, times) -> {
            List<Instant> recent = times.stream().filter(t -> t.isAfter(since)).sorted().toList();
            if (recent.isEmpty()) {
                return;
            }
            int best = 0;
            Instant bestStart = recent.get(0);
            int lo = 0;
            for (int hi = 0; hi < recent.size(); hi++) {
                // exits at one-second resolution: "within the window" is start <= t < start + window
                while (!recent.get(hi).isBefore(recent.get(lo).plus(window))) {
                    lo++;
                }
                if (hi - lo + 1 > best) {
                    best = hi - lo + 1;
                    bestStart = recent.get(lo);
                }
            }
            out.add(new Evidence(app, recent.size(), best, bestStart, recent.get(recent.size() - 1)));
        });
        return out;
    }
}
