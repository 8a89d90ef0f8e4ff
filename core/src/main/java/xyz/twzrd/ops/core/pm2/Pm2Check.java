package xyz.twzrd.ops.core.pm2;

import java.nio.file.Path;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.Times;
import xyz.twzrd.ops.core.StateFolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PM2 part of the hourly alerts: {@code process:<name>} per app (and per expected app PM2 does not list),
 * {@code crashes} since the previous run, {@code crash-loop}, and {@code pm2} (the PM2_HOME read and how many apps
 * it runs; ALERT when nothing is monitored). When PM2 cannot be asked there is one UNKNOWN finding {@code pm2} with
 * the reason; when no daemon runs for the PM2_HOME, pm2 is not called at all (it would start one) and {@code pm2}
 * says so, EMERGENCY when apps are expected or the previous run saw some.
 */
public final class Pm2Check {
    public static final String PM2 = "pm2";
    public static final String CRASH_LOOP = "crash-loop";

    private final Pm2Client client;
    private final Pm2Config config;
    private final StateFolder state;

    /** The findings and the {@code processes} section (empty when PM2 could not be listed). */
    public record Report(List<Finding> findings, List<ProcessSummary> processes) {
    }

    /** @param state the state folder as the running check kind sees it (its own crash baseline) */
    public Pm2Check(Pm2Client client, Pm2Config config, StateFolder state) {
        this.client = client;
        this.config = config;
        this.state = state;
    }

    /** With the state folder as the hourly alerts see it. */
    public Pm2Check(Pm2Client client, Pm2Config config, Path stateDir) {
        this(client, config, new StateFolder(stateDir, "alerts", Instant.now()));
    }

    /** With a command of its own for each read ({@link Pm2Client}). */
    public Report run(Instant now) {
        return run(now, client);
    }

    /**
     * With the reads from {@code facts} (e.g. {@link Pm2Client#framed}: one script with the host facts); only
     * stopping looping apps ({@code pm2.stop-looping}) runs a command of its own.
     */
    public Report run(Instant now, Pm2Facts facts) {
        Pm2Daemon daemon;
        try {
            daemon = facts.daemon();
        } catch (Pm2Exception e) {
            return new Report(List.of(Finding.unknown(PM2, e.getMessage())), List.of());
        }
        if (!daemon.programFound()) {
            return new Report(List.of(Finding.unknown(PM2, client.notFound(null).getMessage())), List.of());
        }
        List<String> expected = config.getExpectedApps();
        if (!daemon.running()) {
            return new Report(noDaemon(daemon, expected, CrashAccounting.previousApps(state)), List.of());
        }
        List<Pm2Process> apps;
        try {
            apps = facts.jlist();
        } catch (Pm2Exception e) {
            return new Report(List.of(Finding.unknown(PM2, e.getMessage())), List.of());
        }
        List<Finding> out = new ArrayList<>();
        apps.forEach(a -> out.add(processFinding(a, a.label(apps))));
        out.addAll(missing(expected, apps.stream().map(Pm2Process::name).toList(), daemon.home()));
        out.add(pm2Finding(daemon, apps, expected));
        Instant previousRun = CrashAccounting.previousRun(state).orElse(null);
        out.add(CrashAccounting.account(state, apps, now));
        List<CrashLoopDetector.Evidence> looping = new ArrayList<>();
        out.add(crashLoop(facts, apps, now, previousRun, looping));
        String rule = "more than " + config.getCrashLoopRestarts() + " exits within " + Durations.format(config.crashLoopWindow());
        return new Report(inLoop(out, apps, looping, rule), ProcessSummary.of(apps));
    }

    /**
     * No daemon for the PM2_HOME: EMERGENCY when apps are expected there or the previous run saw some, else ALERT;
     * each expected app is missing. pm2 itself is not called, so no daemon is started.
     */
    static List<Finding> noDaemon(Pm2Daemon d, List<String> expected, List<String> seenBefore) {
        List<Finding> out = new ArrayList<>();
        boolean emergency = !expected.isEmpty() || !seenBefore.isEmpty();
        String why = !expected.isEmpty() ? "; " + expected.size() + " app(s) are expected (pm2.expected-apps: "
                + String.join(", ", expected) + ")"
                : !seenBefore.isEmpty() ? "; the previous run saw " + seenBefore.size() + " app(s): " + String.join(", ", seenBefore)
                : "";
        Map<String, Object> d2 = new LinkedHashMap<>();
        d2.put("pm2Home", d.home());
        out.add(new Finding(PM2, emergency ? Severity.EMERGENCY : Severity.ALERT, null, "", null, null,
                "no PM2 daemon runs for PM2_HOME=" + d.home() + " (" + d.why() + "): nothing is monitored" + why
                        + ". pm2 was not called, so no daemon was started", d2));
        out.addAll(missing(expected, List.of(), d.home()));
        return out;
    }

    /** {@code process:<app>} EMERGENCY for every expected app PM2 does not list. */
    static List<Finding> missing(List<String> expected, List<String> listed, String home) {
        List<Finding> out = new ArrayList<>();
        for (String name : expected) {
            if (!listed.contains(name)) {
                out.add(new Finding("process:" + name, Severity.EMERGENCY, null, "", null, null,
                        name + " is not running under PM2 (PM2_HOME=" + home + "), but pm2.expected-apps lists it",
                        Map.of("status", "missing")));
            }
        }
        return out;
    }

    /**
     * {@code pm2}: ALERT when PM2 lists no app (PM2 modules aside) and none is expected, since then nothing is
     * monitored (a wrong PM2_HOME reads as a quiet host otherwise); OK naming the PM2_HOME and the count otherwise.
     */
    static Finding pm2Finding(Pm2Daemon d, List<Pm2Process> apps, List<String> expected) {
        long services = apps.stream().filter(a -> !a.module()).count();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pm2Home", d.home());
        if (services == 0 && expected.isEmpty()) {
            return new Finding(PM2, Severity.ALERT, 0.0, "apps", null, null, "PM2 at PM2_HOME=" + d.home()
                    + " runs no apps: nothing is monitored (is PM2_HOME right for this user? list the apps that must run "
                    + "in pm2.expected-apps)", details);
        }
        return new Finding(PM2, Severity.OK, (double) services, "apps", null, null,
                "PM2 at PM2_HOME=" + d.home() + " runs " + services + " app" + (services == 1 ? "" : "s"), details);
    }

    /**
     * An app in a crash loop keeps its {@code process:<app>} finding at the crash-loop severity for as long as the
     * loop lasts, whether {@code pm2 jlist} caught it online or waiting to restart.
     */
    static List<Finding> inLoop(List<Finding> findings, List<Pm2Process> apps, List<CrashLoopDetector.Evidence> looping,
                                String rule) {
        if (looping.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Finding g = f;
            for (Pm2Process a : apps) {
                if (!f.id().equals("process:" + a.label(apps))) {
                    continue;
                }
                for (CrashLoopDetector.Evidence e : looping) {
                    if (e.app().equals(a.name())) {
                        g = new Finding(f.id(), Severity.EMERGENCY, f.value(), f.unit(), f.alert(), f.emergency(),
                                a.label(apps) + " is in a crash loop: " + e.maxInWindow() + " exits from " + e.windowStart()
                                        + " (last " + e.lastExit() + "; " + rule + " is a loop); PM2 shows it " + a.status()
                                        + " (" + a.restarts() + " restarts)",
                                f.details());
                    }
                }
            }
            out.add(g);
        }
        return out;
    }

    /** {@code process:<name>}: OK when online, else ALERT with the status and restart count. */
    static Finding processFinding(Pm2Process a, String label) {
        Severity s = a.online() ? Severity.OK : Severity.ALERT;
        String msg = label + " is " + a.status() + " (" + a.restarts() + " restart" + (a.restarts() == 1 ? "" : "s")
                + ")" + (a.online() ? "" : ": not online");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("status", a.status());
        d.put("pmId", a.pmId());
        d.put("restarts", a.restarts());
        return new Finding("process:" + label, s, (double) a.restarts(), "restarts", null, null, msg, d);
    }

    private Finding crashLoop(Pm2Facts facts, List<Pm2Process> apps, Instant now, Instant previousRun,
                              List<CrashLoopDetector.Evidence> loopingOut) {
        int max = config.getCrashLoopRestarts();
        Duration window = config.crashLoopWindow();
        if (apps.isEmpty()) {
            return new Finding(CRASH_LOOP, Severity.OK, 0.0, "exits", null, (double) max, "no PM2 apps");
        }
        Instant since = previousRun == null || previousRun.isAfter(now.minus(window)) ? now.minus(window) : previousRun;
        List<CrashLoopDetector.Evidence> evidence;
        try {
            String log = facts.daemonLog(apps, config.getDaemonLogBytes());
            evidence = CrashLoopDetector.evidence(log, facts.utcOffset(), since, window);
        } catch (Pm2Exception e) {
            return Finding.unknown(CRASH_LOOP, "no crash-loop evidence: " + e.getMessage());
        }
        List<CrashLoopDetector.Evidence> looping = evidence.stream().filter(e -> e.maxInWindow() > max).toList();
        loopingOut.addAll(looping);
        int worst = evidence.stream().mapToInt(CrashLoopDetector.Evidence::maxInWindow).max().orElse(0);
        String rule = "more than " + max + " exits within " + Durations.format(window);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("since", since.toString());
        if (looping.isEmpty()) {
            return new Finding(CRASH_LOOP, Severity.OK, (double) worst, "exits", null, (double) max,
                    "no crash loop since " + Times.seconds(since) + " (" + rule + " would be one)", d);
        }
        StringBuilder msg = new StringBuilder("crash loop: ");
        for (CrashLoopDetector.Evidence e : looping) {
            msg.append(e.app()).append(' ').append(e.maxInWindow()).append(" exits from ").append(Times.seconds(e.windowStart()))
                    .append(" (last ").append(Times.seconds(e.lastExit())).append("); ");
            d.put(e.app(), e.maxInWindow());
        }
        msg.append(rule).append(" is a loop. ").append(stopLooping(apps, looping));
        return new Finding(CRASH_LOOP, Severity.EMERGENCY, (double) worst, "exits", null, (double) max,
                msg.toString().strip(), d);
    }

    /** Stops the looping apps only when {@code pm2.stop-looping} is on; says what it did either way. */
    private String stopLooping(List<Pm2Process> apps, List<CrashLoopDetector.Evidence> looping) {
        if (!config.isStopLooping()) {
            return "Nothing was stopped (pm2.stop-looping is off).";
        }
        List<String> names = looping.stream().map(CrashLoopDetector.Evidence::app).toList();
        List<Integer> ids = apps.stream().filter(a -> names.contains(a.name())).map(Pm2Process::pmId).toList();
        try {
            client.stop(ids);
            return "STOPPED " + String.join(", ", names) + " with pm2 stop because pm2.stop-looping is on.";
        } catch (Pm2Exception e) {
            return "pm2.stop-looping is on but stopping " + String.join(", ", names) + " FAILED: " + e.getMessage();
        }
    }
}
