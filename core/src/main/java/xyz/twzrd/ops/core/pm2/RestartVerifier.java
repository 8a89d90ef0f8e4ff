package xyz.twzrd.ops.core.pm2;

import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verified restart, app by app (docs/pm2.md, "Order of operations"):
 * <ol>
 * <li>{@code pm2 jlist}; select the apps (unknown names: nothing is restarted, UNKNOWN);</li>
 * <li>note which selected apps were already crash-looping (pm2.log, the crash-loop rule) or not online before;</li>
 * <li>one pm2 command per process ({@code pm2 restart ID}, or {@code pm2 reload ID} for a cluster-mode app when
 * {@code pm2.reload} is on), so one app that pm2 cannot restart never stops the others; each command that was
 * carried out is recorded as planned at the time it was issued, and only those;</li>
 * <li>wait the settle time, {@code pm2 jlist} again and verify each restarted process: {@code online}, restarted
 * exactly once more (more means it crashed again while settling), a fresh {@code pm_uptime};</li>
 * <li>poll the health URL, if any, until it answers 2xx or the deadline passes.</li>
 * </ol>
 * With {@code pm2.rolling} steps 3-5 run for one app (all its instances) at a time and stop at the first failure;
 * the apps after it are left untouched and named. Every app has its own finding {@code restart:<label>}.
 */
public final class RestartVerifier {
    public static final String RESTART = "restart";
    public static final String HEALTH = "health";
    public static final String PLANNED = "planned-restart";

    private final Pm2Client client;
    private final Pm2Config config;
    private final Path stateDir;
    private final HealthProbe health;
    private final Clock clock;

    /** The findings and the {@code processes} section after the restart. */
    public record Report(List<Finding> findings, List<ProcessSummary> processes) {
    }

    /** What was known about an app before anything was restarted. */
    private record Before(Pm2Process process, String label, String history) {
    }

    public RestartVerifier(Pm2Client client, Pm2Config config, Path stateDir, HealthProbe health, Clock clock) {
        this.client = client;
        this.config = config;
        this.stateDir = stateDir;
        this.health = health;
        this.clock = clock;
    }

    public Report run() throws InterruptedException {
        List<Pm2Process> listing;
        List<Pm2Process> selected;
        try {
            listing = client.list();
            selected = AppSelection.parse(config.getRestartApps()).select(listing);
        } catch (Pm2Exception | IllegalArgumentException e) {
            String why = AppSelection.BLANK.equals(e.getMessage()) ? "the app list " + e.getMessage() : e.getMessage();
            return new Report(List.of(Finding.unknown(RESTART, "nothing restarted: " + why)), List.of());
        }
        if (selected.isEmpty()) {
            return new Report(List.of(Finding.unknown(RESTART, "nothing restarted: PM2 has no apps")), List.of());
        }
        Map<String, String> looping = loopingBefore(listing);
        List<Before> apps = selected.stream().map(p -> new Before(p, p.label(listing), history(p, looping))).toList();

        Map<Integer, Finding> byId = new LinkedHashMap<>();
        List<Finding> extra = new ArrayList<>();
        List<Pm2Process> after = listing;
        String stoppedAt = null;
        Finding healthFinding = null;
        for (List<Before> batch : config.isRolling() ? byApp(apps) : List.of(apps)) {
            List<Before> carried = new ArrayList<>();
            for (Before b : batch) {
                Optional<String> error = carryOut(b.process(), extra);
                if (error.isPresent()) {
                    byId.put(b.process().pmId(), notRestarted(b, error.get()));
                    if (config.isRolling()) {
                        stoppedAt = b.label();
                        break;
                    }
                } else {
                    carried.add(b);
                }
            }
            if (!carried.isEmpty()) {
                Thread.sleep(config.settle().toMillis());
                try {
                    after = client.list();
                    for (Before b : carried) {
                        List<Pm2Process> now = after;
                        byId.put(b.process().pmId(), verify(b, now.stream().filter(a -> a.pmId() == b.process().pmId())
                                .findFirst(), config.settle(), verb(b.process())));
                    }
                } catch (Pm2Exception e) {
                    after = List.of();
                    for (Before b : carried) {
                        byId.put(b.process().pmId(), new Finding(RESTART + ":" + b.label(), Severity.EMERGENCY, null, "",
                                null, null, b.history() + b.label() + " " + verb(b.process()) + "ed but NOT verified: PM2"
                                + " could not be listed after the restart: " + e.getMessage(), Map.of("outcome", "unverified")));
                    }
                }
            }
            if (!config.isRolling()) {
                break;
            }
            if (stoppedAt == null) {
                stoppedAt = carried.stream().filter(b -> byId.get(b.process().pmId()).severity() != Severity.OK)
                        .map(Before::label).findFirst().orElse(null);
            }
            if (stoppedAt != null) {
                break;
            }
            if (config.getHealthUrl() != null) {
                String app = batch.get(0).process().name();
                healthFinding = health(config.getHealthUrl(), config.deadline(), "after restarting " + app);
                if (healthFinding.severity() != Severity.OK) {
                    stoppedAt = app;
                    break;
                }
            }
        }
        if (stoppedAt != null) {
            String where = stoppedAt;
            List<String> untouched = new ArrayList<>();
            for (Before b : apps) {
                if (!byId.containsKey(b.process().pmId())) {
                    untouched.add(b.label());
                    byId.put(b.process().pmId(), untouched(b, where));
                }
            }
            if (healthFinding != null && healthFinding.severity() != Severity.OK) {
                healthFinding = new Finding(HEALTH, healthFinding.severity(), null, "", null, null,
                        healthFinding.message() + "; the rolling restart stopped there" + (untouched.isEmpty() ? ""
                                : ", left untouched: " + String.join(", ", untouched)), healthFinding.details());
            }
        } else if (!config.isRolling() && config.getHealthUrl() != null) {
            healthFinding = health(config.getHealthUrl(), config.deadline(), "");
        }
        List<Finding> out = new ArrayList<>(extra);
        apps.forEach(b -> out.add(byId.get(b.process().pmId())));
        if (healthFinding != null) {
            out.add(healthFinding);
        }
        return new Report(out, ProcessSummary.of(after));
    }

    /** {@code restart}, or {@code reload} for a cluster-mode app when {@code pm2.reload} is on. */
    private String verb(Pm2Process p) {
        return config.isReload() && p.cluster() ? "reload" : "restart";
    }

    /**
     * Issues one process's pm2 command; on success records it as planned (at the time the command was issued)
     * when it raises PM2's restart count, i.e. when the process was running: pm2 starts a stopped or errored app
     * without counting a restart. Returns pm2's error when the command failed.
     */
    private Optional<String> carryOut(Pm2Process p, List<Finding> extra) {
        Instant at = clock.instant();
        try {
            if (verb(p).equals("reload")) {
                client.reload(p.pmId());
            } else {
                client.restart(List.of(p.pmId()));
            }
        } catch (Pm2Exception e) {
            return Optional.of(e.getMessage());
        }
        if (raisesCount(p)) {
            try {
                PlannedRestarts.record(stateDir, at, List.of(p.name()));
            } catch (IOException e) {
                if (extra.isEmpty()) {
                    extra.add(new Finding(PLANNED, Severity.ALERT, null, "", null, null,
                            "restart not recorded as planned (crash accounting will count it): " + e.getMessage()));
                }
            }
        }
        return Optional.empty();
    }

    /** pm2 counts a restart (or reload) of a running process; a stopped, errored or waiting one is just started. */
    static boolean raisesCount(Pm2Process p) {
        return p.online() || "launching".equals(p.status());
    }

    /** The apps in order of first appearance, each with all its processes (a cluster's instances). */
    private static List<List<Before>> byApp(List<Before> apps) {
        Map<String, List<Before>> m = new LinkedHashMap<>();
        apps.forEach(b -> m.computeIfAbsent(b.process().name(), k -> new ArrayList<>()).add(b));
        return new ArrayList<>(m.values());
    }

    /**
     * Apps in a crash loop before the restart, by name, with the evidence in words; read from pm2.log with the
     * crash-loop rule ({@code pm2.crash-loop-restarts} within {@code pm2.crash-loop-window}). Empty when pm2.log
     * cannot be read: this only adds to the findings, it never stops the restart.
     */
    private Map<String, String> loopingBefore(List<Pm2Process> listing) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Instant now = clock.instant();
            Duration window = config.crashLoopWindow();
            String log = client.tailDaemonLog(listing, config.getDaemonLogBytes());
            for (CrashLoopDetector.Evidence e : CrashLoopDetector.evidence(log, client.utcOffset(), now.minus(window), window)) {
                if (e.maxInWindow() > config.getCrashLoopRestarts()) {
                    out.put(e.app(), e.maxInWindow() + " exits within " + Durations.format(window) + ", last at "
                            + e.lastExit());
                }
            }
        } catch (Pm2Exception e) {
            // no evidence: the findings simply do not say whether an app was looping before
        }
        return out;
    }

    /** What the finding says first about the app's state before the restart; empty when it was running normally. */
    private static String history(Pm2Process p, Map<String, String> looping) {
        String loop = looping.get(p.name());
        if (loop != null) {
            return p.name() + " was already crash-looping before the restart (" + loop
                    + "), so the restart is not what broke it; ";
        }
        if (!p.online()) {
            return p.name() + " was already " + p.status() + " before the restart; ";
        }
        return "";
    }

    private Finding notRestarted(Before b, String error) {
        Map<String, Object> d = details(b, "not-restarted");
        d.put("error", error);
        return new Finding(RESTART + ":" + b.label(), Severity.EMERGENCY, null, "", null, null,
                b.history() + b.label() + " could not be " + verb(b.process()) + "ed: " + error, d);
    }

    private static Finding untouched(Before b, String stoppedAt) {
        return new Finding(RESTART + ":" + b.label(), Severity.ALERT, null, "", null, null,
                b.history() + b.label() + " left untouched: the rolling restart stopped at " + stoppedAt
                        + " (not restarted, still running its old process)", details(b, "untouched"));
    }

    private static Map<String, Object> details(Before b, String outcome) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("outcome", outcome);
        d.put("statusBefore", b.process().status());
        d.put("restartsBefore", b.process().restarts());
        if (!b.history().isEmpty()) {
            d.put("before", b.history().replaceFirst("; $", ""));
        }
        return d;
    }

    private static Finding verify(Before b, Optional<Pm2Process> found, Duration settle, String verb) {
        Pm2Process before = b.process();
        String label = b.label();
        String id = RESTART + ":" + label;
        if (found.isEmpty()) {
            return new Finding(id, Severity.EMERGENCY, null, "", null, null,
                    b.history() + label + " is gone from PM2 after the " + verb, details(b, "gone"));
        }
        Pm2Process a = found.get();
        long expected = before.restarts() + (raisesCount(before) ? 1 : 0);
        List<String> problems = new ArrayList<>();
        if (!a.online()) {
            problems.add("status " + a.status());
        }
        if (a.restarts() < expected) {
            problems.add("restart count did not rise (" + before.restarts() + " -> " + a.restarts() + ")");
        } else if (a.restarts() > expected) {
            problems.add("restarted " + (a.restarts() - expected) + " more time(s) on its own during the"
                    + " settle time (" + before.restarts() + " -> " + a.restarts() + "): crashing");
        }
        if (a.uptimeSince() == null || before.uptimeSince() != null && !a.uptimeSince().isAfter(before.uptimeSince())) {
            problems.add("uptime not fresh (process started " + Times.seconds(a.uptimeSince()) + ")");
        }
        Map<String, Object> d = details(b, problems.isEmpty() ? "verified" : "not-online");
        d.put("action", verb);
        d.put("status", a.status());
        d.put("restartsAfter", a.restarts());
        if (a.uptimeSince() != null) {
            d.put("uptimeSince", a.uptimeSince().toString());
        }
        if (problems.isEmpty()) {
            return new Finding(id, Severity.OK, null, "", null, null, b.history() + label + " " + verb
                    + "ed and verified: online with a fresh uptime (restarts " + before.restarts() + " -> "
                    + a.restarts() + ")", d);
        }
        String within = " within the settle time (" + Durations.format(settle) + ")";
        return new Finding(id, Severity.EMERGENCY, null, "", null, null, b.history() + label + " " + verb
                + "ed but NOT back online" + within + ": " + String.join("; ", problems), d);
    }

    private Finding health(String target, Duration deadline, String when) throws InterruptedException {
        HealthProbe.Outcome o = health.poll(target, deadline);
        String url = HealthProbe.display(target);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("url", url);
        d.put("status", o.status());
        d.put("lastAnswer", o.answer());
        d.put("attempts", o.attempts());
        d.put("elapsedMs", o.elapsed().toMillis());
        String suffix = when.isEmpty() ? "" : " " + when;
        if (o.ok()) {
            return new Finding(HEALTH, Severity.OK, null, "", null, null,
                    url + " answered " + o.status() + " after " + o.attempts() + " attempt(s)" + suffix, d);
        }
        return new Finding(HEALTH, Severity.EMERGENCY, null, "", null, null,
                url + " did not answer 2xx within " + Durations.format(deadline) + " (" + o.attempts() + " attempt"
                        + (o.attempts() == 1 ? "" : "s") + ", last answer: " + o.answer() + ")" + suffix, d);
    }
}
