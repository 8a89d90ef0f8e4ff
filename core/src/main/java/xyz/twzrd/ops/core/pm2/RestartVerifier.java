package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verified restart: list, {@code pm2 restart} the selected apps by id, record it as planned, wait the settle
 * time, list again and check each app is {@code online}, restarted exactly once (more means it crashed again while
 * settling) and with a fresh uptime, then poll
 * the health URL (if any) until it answers 2xx or the deadline passes. Every failure is an EMERGENCY finding
 * naming the app or endpoint; PM2 unreachable before anything was done is UNKNOWN.
 */
public final class RestartVerifier {
    public static final String RESTART = "restart";
    public static final String HEALTH = "health";

    private final Pm2Client client;
    private final Pm2Config config;
    private final Path stateDir;
    private final HealthProbe health;
    private final Clock clock;

    /** The findings and the {@code processes} section after the restart. */
    public record Report(List<Finding> findings, List<ProcessSummary> processes) {
    }

    public RestartVerifier(Pm2Client client, Pm2Config config, Path stateDir, HealthProbe health, Clock clock) {
        this.client = client;
        this.config = config;
        this.stateDir = stateDir;
        this.health = health;
        this.clock = clock;
    }

    public Report run() throws InterruptedException {
        List<Pm2Process> before;
        List<Pm2Process> selected;
        try {
            before = client.list();
            selected = AppSelection.parse(config.getRestartApps()).select(before);
        } catch (Pm2Exception | IllegalArgumentException e) {
            return new Report(List.of(Finding.unknown(RESTART, "nothing restarted: " + e.getMessage())), List.of());
        }
        if (selected.isEmpty()) {
            return new Report(List.of(Finding.unknown(RESTART, "nothing restarted: PM2 has no apps")), List.of());
        }
        List<Finding> out = new ArrayList<>();
        try {
            PlannedRestarts.record(stateDir, clock.instant(), selected.stream().map(Pm2Process::name).toList());
        } catch (IOException e) {
            out.add(new Finding("planned-restart", Severity.ALERT, null, "", null, null,
                    "restart not recorded as planned (crash accounting will count it): " + e.getMessage()));
        }
        try {
            client.restart(selected.stream().map(Pm2Process::pmId).toList());
        } catch (Pm2Exception e) {
            out.add(new Finding(RESTART, Severity.EMERGENCY, null, "", null, null, e.getMessage()));
        }
        Thread.sleep(config.settle().toMillis());
        List<Pm2Process> after;
        try {
            after = client.list();
        } catch (Pm2Exception e) {
            out.add(new Finding(RESTART, Severity.EMERGENCY, null, "", null, null,
                    "restart not verified: PM2 could not be listed after the restart: " + e.getMessage()));
            return new Report(out, List.of());
        }
        for (Pm2Process b : selected) {
            out.add(verify(b, b.label(before), after.stream().filter(a -> a.pmId() == b.pmId()).findFirst()));
        }
        if (config.getHealthUrl() != null) {
            out.add(health(config.getHealthUrl(), config.deadline()));
        }
        return new Report(out, ProcessSummary.of(after));
    }

    static Finding verify(Pm2Process before, String label, Optional<Pm2Process> found) {
        String id = RESTART + ":" + label;
        if (found.isEmpty()) {
            return new Finding(id, Severity.EMERGENCY, null, "", null, null, label + " is gone from PM2 after the restart");
        }
        Pm2Process a = found.get();
        List<String> problems = new ArrayList<>();
        if (!a.online()) {
            problems.add("status " + a.status());
        }
        if (a.restarts() <= before.restarts()) {
            problems.add("restart count did not rise (" + before.restarts() + " -> " + a.restarts() + ")");
        } else if (a.restarts() > before.restarts() + 1) {
            problems.add("restarted " + (a.restarts() - before.restarts() - 1) + " more time(s) on its own during the"
                    + " settle time (" + before.restarts() + " -> " + a.restarts() + "): crashing");
        }
        if (a.uptimeSince() == null || before.uptimeSince() != null && !a.uptimeSince().isAfter(before.uptimeSince())) {
            problems.add("uptime not fresh (process started " + Times.seconds(a.uptimeSince()) + ")");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", a.status());
        d.put("restartsBefore", before.restarts());
        d.put("restartsAfter", a.restarts());
        if (a.uptimeSince() != null) {
            d.put("uptimeSince", a.uptimeSince().toString());
        }
        if (problems.isEmpty()) {
            return new Finding(id, Severity.OK, null, "", null, null,
                    label + " restarted and online (restarts " + before.restarts() + " -> " + a.restarts() + ")", d);
        }
        return new Finding(id, Severity.EMERGENCY, null, "", null, null,
                label + " NOT verified after restart: " + String.join("; ", problems), d);
    }

    private Finding health(String target, Duration deadline) throws InterruptedException {
        HealthProbe.Outcome o = health.poll(target, deadline);
        String url = HealthProbe.display(target);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("url", url);
        d.put("status", o.status());
        d.put("attempts", o.attempts());
        d.put("elapsedMs", o.elapsed().toMillis());
        if (o.ok()) {
            return new Finding(HEALTH, Severity.OK, null, "", null, null,
                    url + " answered " + o.status() + " after " + o.attempts() + " attempt(s)", d);
        }
        String last = o.status() > 0 ? "last answer HTTP " + o.status() : "last error: " + o.error();
        return new Finding(HEALTH, Severity.EMERGENCY, null, "", null, null,
                url + " did not answer 2xx within " + Durations.format(deadline) + " (" + o.attempts() + " attempts, "
                        + last + ")", d);
    }
}
