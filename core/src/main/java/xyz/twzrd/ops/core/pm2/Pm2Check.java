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
 * The PM2 part of the hourly alerts: {@code process:<name>} per app, {@code crashes} since the previous run and
 * {@code crash-loop}. When PM2 cannot be asked there is one UNKNOWN finding {@code pm2} with the reason.
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

    public Report run(Instant now) {
        List<Pm2Process> apps;
        try {
            apps = client.list();
        } catch (Pm2Exception e) {
            return new Report(List.of(Finding.unknown(PM2, e.getMessage())), List.of());
        }
        List<Finding> out = new ArrayList<>();
        apps.forEach(a -> out.add(processFinding(a, a.label(apps))));
        Instant previousRun = CrashAccounting.previousRun(state).orElse(null);
        out.add(CrashAccounting.account(state, apps, now));
        out.add(crashLoop(apps, now, previousRun));
        return new Report(out, ProcessSummary.of(apps));
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

    private Finding crashLoop(List<Pm2Process> apps, Instant now, Instant previousRun) {
        int max = config.getCrashLoopRestarts();
        Duration window = config.crashLoopWindow();
        if (apps.isEmpty()) {
            return new Finding(CRASH_LOOP, Severity.OK, 0.0, "exits", null, (double) max, "no PM2 apps");
        }
        Instant since = previousRun == null || previousRun.isAfter(now.minus(window)) ? now.minus(window) : previousRun;
        List<CrashLoopDetector.Evidence> evidence;
        try {
            String log = client.tailDaemonLog(apps, config.getDaemonLogBytes());
            evidence = CrashLoopDetector.evidence(log, client.utcOffset(), since, window);
        } catch (Pm2Exception e) {
            return Finding.unknown(CRASH_LOOP, "no crash-loop evidence: " + e.getMessage());
        }
        List<CrashLoopDetector.Evidence> looping = evidence.stream().filter(e -> e.maxInWindow() > max).toList();
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
