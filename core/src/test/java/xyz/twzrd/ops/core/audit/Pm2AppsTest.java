package xyz.twzrd.ops.core.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.TextSummary;
import xyz.twzrd.ops.core.config.OpsConfig;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;
import xyz.twzrd.ops.core.jobs.AuditJob;
import xyz.twzrd.ops.core.pm2.JlistParser;
import xyz.twzrd.ops.core.pm2.Pm2Client;
import xyz.twzrd.ops.core.pm2.Pm2Exception;
import xyz.twzrd.ops.core.pm2.Pm2Settings;
import xyz.twzrd.ops.core.testkit.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PM2 facts from captured {@code pm2 jlist} output (pm2 7.0.4, two apps started from an ecosystem file whose env
 * holds API_TOKEN and DATABASE_URL with values containing "VALUE-must-not-leak").
 */
class Pm2AppsTest {
    private static List<AppFacts> parse(String jlist) throws Pm2Exception {
        return JlistParser.parse(jlist).stream().map(AppFacts::of).toList();
    }

    private static final String LEAK = "VALUE-must-not-leak";

    @TempDir
    Path dir;

    /** The live update check runs once, in AuditJobTest; these tests are about the PM2 facts. */
    static OpsConfig noUpdates() {
        OpsConfig c = OpsConfig.defaults();
        c.getAudit().setCheckUpdates(false);
        return c;
    }

    @Test
    void jlistGivesNamesLimitsAndLogsButNoValues() throws Exception {
        String jlist = Fixtures.text("audit/pm2-jlist.json");
        assertThat(jlist).contains(LEAK);
        List<AppFacts> apps = parse(jlist);
        assertThat(apps).extracting(AppFacts::name).containsExactly("gateway", "tree-builder");
        AppFacts gateway = apps.get(0);
        assertThat(gateway.maxMemoryRestartBytes()).isEqualTo(300L * 1024 * 1024);
        assertThat(gateway.envNames()).contains("API_TOKEN", "PORT", "NODE_ENV").doesNotContain("gateway", "unique_id");
        assertThat(gateway.logPaths()).containsExactly("/tmp/audit-cap/home/logs/gateway-out.log",
                "/tmp/audit-cap/home/logs/gateway-error.log");
        assertThat(gateway.module()).isFalse();
        assertThat(apps.get(1).maxMemoryRestartBytes()).isNull();
        assertThat(apps.get(1).envNames()).contains("DATABASE_URL", "LOG_LEVEL");
        assertThat(apps.toString()).doesNotContain(LEAK);
    }

    /** The whole audit through the command runner, pm2 replaced by a program printing the captured list. */
    @Test
    void auditOfCapturedAppsNeverShowsAValue() throws Exception {
        Path fixture = dir.resolve("jlist.json");
        Files.writeString(fixture, Fixtures.text("audit/pm2-jlist.json"));
        Path pm2 = dir.resolve("pm2");
        Files.writeString(pm2, "#!/bin/sh\n[ \"$1\" = jlist ] || exit 2\ncat '" + fixture + "'\n");
        Files.setPosixFilePermissions(pm2, PosixFilePermissions.fromString("rwx------"));
        // what a running daemon leaves in its PM2_HOME: a pid file naming a live process (this JVM) and its socket;
        // without them the listing refuses to call pm2, which would start a daemon
        Files.writeString(dir.resolve("pm2.pid"), String.valueOf(ProcessHandle.current().pid()));
        java.nio.channels.ServerSocketChannel socket = java.nio.channels.ServerSocketChannel
                .open(java.net.StandardProtocolFamily.UNIX).bind(java.net.UnixDomainSocketAddress.of(dir.resolve("rpc.sock")));

        AppSource source = AppSource.pm2(new Pm2Client(new LocalCommandRunner(),
                new Pm2Settings(pm2.toString(), dir, Duration.ofSeconds(10))));
        CheckResult r = new AuditJob(noUpdates(), Clock.systemUTC()).run(Target.local(), source);

        Finding env = r.finding("env-review").orElseThrow();
        assertThat(env.severity()).isEqualTo(Severity.ALERT);
        assertThat(env.message()).contains("gateway: API_TOKEN").contains("tree-builder: DATABASE_URL")
                .doesNotContain("PWD");
        Finding mem = r.finding("memory-limits").orElseThrow();
        assertThat(mem.severity()).isEqualTo(Severity.ALERT);
        assertThat(mem.message()).contains("1 of 2 apps without a memory limit: tree-builder");
        assertThat(r.finding("log-rotation").orElseThrow().details().get("uncovered").toString())
                .contains("/tmp/audit-cap/home/logs/tree-builder-error.log");
        assertThat(Json.pretty(r)).doesNotContain(LEAK).doesNotContain("postgres://");
        assertThat(TextSummary.render(r)).doesNotContain(LEAK);
        socket.close();
    }

    @Test
    void failingPm2MakesAppFindingsUnknownWithTheReason() {
        AppSource missing = AppSource.pm2(new Pm2Client(new LocalCommandRunner(),
                new Pm2Settings(dir.resolve("no-pm2").toString(), null, Duration.ofSeconds(5))));
        CheckResult r = new AuditJob(noUpdates(), Clock.systemUTC()).run(Target.local(), missing);
        for (String id : List.of("memory-limits", "log-rotation", "env-review")) {
            Finding f = r.finding(id).orElseThrow();
            assertThat(f.severity()).as(id).isEqualTo(Severity.UNKNOWN);
            assertThat(f.message()).as(id).contains("no-pm2");
        }
        assertThat(r.finding("swappiness").orElseThrow().severity()).isNotEqualTo(Severity.UNKNOWN);
    }
}
