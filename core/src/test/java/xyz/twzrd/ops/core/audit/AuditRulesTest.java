package xyz.twzrd.ops.core.audit;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.testkit.Fixtures;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRulesTest {
    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    private static AppFacts app(String name, Long limit, List<String> env, String... logs) {
        return new AppFacts(name, limit, env, List.of(logs), false);
    }

    @Test
    void swappinessAsExpectedIsOk() {
        assertThat(AuditRules.swappiness("10\n", 10).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void swappinessOffSaysExpectedFoundAndFix() {
        Finding f = AuditRules.swappiness("60\n", 10);
        assertThat(f.severity()).isEqualTo(Severity.ALERT);
        assertThat(f.value()).isEqualTo(60.0);
        assertThat(f.message()).contains("expected vm.swappiness=10").contains("found vm.swappiness=60")
                .contains("fix: sudo sysctl -w vm.swappiness=10");
        assertThat(f.details()).containsKeys("expected", "found", "fix");
    }

    @Test
    void swappinessGarbageIsUnknown() {
        Finding f = AuditRules.swappiness("cat: permission denied", 10);
        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(f.message()).contains("not a number");
    }

    @Test
    void appsWithoutMemoryLimitAlertByName() {
        Finding f = AuditRules.memoryLimits(List.of(
                app("gateway", 300 * MIB, List.of()),
                app("tree-builder", null, List.of()),
                app("epoch-watcher", 0L, List.of()),
                app("epoch-watcher", 0L, List.of()), // a second cluster instance
                new AppFacts("pm2-logrotate", null, List.of(), List.of(), true)), 31 * GIB, 90);
        assertThat(f.severity()).isEqualTo(Severity.ALERT);
        assertThat(f.message()).contains("2 of 3 apps without a memory limit: tree-builder, epoch-watcher")
                .contains("max_memory_restart").contains("pm2 restart tree-builder --max-memory-restart 300M")
                .contains("the others' limits sum to 300 MiB = 1% of 31.0 GiB RAM");
    }

    @Test
    void limitsAboveRamShareAlert() {
        List<AppFacts> apps = List.of(app("a", 20 * GIB, List.of()), app("b", 10 * GIB, List.of()));
        Finding over = AuditRules.memoryLimits(apps, 31 * GIB, 90);
        assertThat(over.severity()).isEqualTo(Severity.ALERT);
        assertThat(over.message()).contains("limits sum to 30.0 GiB = 97% of 31.0 GiB RAM");
        assertThat(AuditRules.memoryLimits(apps, 64 * GIB, 90).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void noAppsIsOk() {
        assertThat(AuditRules.memoryLimits(List.of(), GIB, 90).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void logrotateRulesParseRealAndHandWrittenFiles() throws IOException {
        List<LogrotateRules.Rule> apt = LogrotateRules.parse(Fixtures.text("audit/logrotate.d-apt"), "/etc/logrotate.d/apt");
        assertThat(apt).extracting(LogrotateRules.Rule::pattern)
                .containsExactly("/var/log/apt/term.log", "/var/log/apt/history.log");
        List<LogrotateRules.Rule> pm2 = LogrotateRules.parse(Fixtures.text("audit/logrotate-pm2-rule.txt"), "f");
        assertThat(pm2).extracting(LogrotateRules.Rule::pattern)
                .containsExactly("/home/twzrd/.pm2/logs/*.log", "/home/twzrd/.pm2/pm2.log", "/var/log/twzrd-*.log");
        LogrotateRules rules = LogrotateRules.of(pm2);
        assertThat(rules.covering("/home/twzrd/.pm2/logs/gateway-out.log")).isPresent();
        assertThat(rules.covering("/home/twzrd/.pm2/logs/sub/x.log")).isEmpty(); // * does not cross a slash
        assertThat(rules.covering("/var/log/twzrd-health.log")).isPresent();
        assertThat(rules.covering("/var/log/other.log")).isEmpty();
    }

    @Test
    void bracesInScriptsAndSkippedFilesDoNotMakeRules() throws IOException {
        String text = "/var/log/a.log {\n    postrotate\n        pid=$(cat /run/a.pid) || {\n    endscript\n}\n"
                + "/var/log/b.log { weekly }\n/var/log/c.log {\n  firstaction\n   }\n  endscript\n}\n";
        assertThat(LogrotateRules.parse(text, "t")).extracting(LogrotateRules.Rule::pattern)
                .containsExactly("/var/log/a.log", "/var/log/b.log", "/var/log/c.log");
        assertThat(LogrotateRules.parse(Fixtures.text("audit/logrotate.d-postgresql-common"), "p"))
                .extracting(LogrotateRules.Rule::pattern).containsExactly("/var/log/postgresql/*.log");
        assertThat(LogrotateRules.readInIncludedFolder("twzrd-ops")).isTrue();
        assertThat(LogrotateRules.readInIncludedFolder("twzrd-ops.dpkg-old")).isFalse();
        assertThat(LogrotateRules.readInIncludedFolder("twzrd-ops~")).isFalse();
        assertThat(LogrotateRules.readInIncludedFolder("pm2.disabled")).isFalse();
    }

    @Test
    void logRotationByModuleOrRules() throws IOException {
        List<AppFacts> apps = List.of(app("gateway", 1L, List.of(), "/home/twzrd/.pm2/logs/gateway-out.log",
                "/home/twzrd/.pm2/logs/gateway-error.log"));
        LogrotateRules none = LogrotateRules.of(List.of());
        Finding bad = AuditRules.logRotation(apps, none, List.of("/var/log/twzrd-ops/*.log"));
        assertThat(bad.severity()).isEqualTo(Severity.ALERT);
        assertThat(bad.message()).contains("2 PM2 log files without rotation")
                .contains("pm2 install pm2-logrotate").contains("twzrd-ops schedule --install");

        LogrotateRules pm2Rules = LogrotateRules.of(LogrotateRules.parse(Fixtures.text("audit/logrotate-pm2-rule.txt"), "f"));
        LogrotateRules own = LogrotateRules.of(LogrotateRules.parse("/var/log/twzrd-ops/*.log {\n weekly\n}\n", "t"));
        List<LogrotateRules.Rule> both = new java.util.ArrayList<>(pm2Rules.rules());
        both.addAll(own.rules());
        assertThat(AuditRules.logRotation(apps, LogrotateRules.of(both), List.of("/var/log/twzrd-ops/*.log")).severity())
                .isEqualTo(Severity.OK);

        List<AppFacts> withModule = List.of(apps.get(0), new AppFacts("pm2-logrotate", null, List.of(), List.of(), true));
        Finding viaModule = AuditRules.logRotation(withModule, own, List.of("/var/log/twzrd-ops/*.log"));
        assertThat(viaModule.severity()).isEqualTo(Severity.OK);
        assertThat(viaModule.message()).contains("pm2-logrotate module installed");
    }

    @Test
    void updatesFromRealAptSimulation() throws IOException {
        Finding plain = AuditRules.updates(Fixtures.text("audit/apt-get-s-upgrade.txt"), false);
        assertThat(plain.value()).isEqualTo(106.0);
        assertThat(plain.severity()).isEqualTo(Severity.OK);
        Finding sec = AuditRules.updates(Fixtures.text("audit/apt-get-s-upgrade-security.txt"), false);
        assertThat(sec.severity()).isEqualTo(Severity.ALERT);
        assertThat(sec.message()).contains("3 pending updates (2 security)").contains("sudo apt-get upgrade -y");
        Finding reboot = AuditRules.updates("", true);
        assertThat(reboot.severity()).isEqualTo(Severity.ALERT);
        assertThat(reboot.message()).contains("reboot required").contains("sudo reboot");
    }

    @Test
    void envReviewListsNamesNeverValues() {
        List<AppFacts> apps = List.of(
                app("gateway", 1L, List.of("PORT", "NODE_ENV", "SLACK_WEBHOOK_URL", "DB_PASSWORD")),
                app("tree-builder", 1L, List.of("RPC_URL", "LOG_LEVEL", "PWD", "OLDPWD")));
        Finding f = AuditRules.envReview(apps, Pattern.compile(AuditConfig.DEFAULT_SECRET_NAMES));
        assertThat(f.severity()).isEqualTo(Severity.ALERT);
        assertThat(f.message()).contains("2 secret-looking variable names (gateway: DB_PASSWORD, SLACK_WEBHOOK_URL)")
                .contains("chmod 600");
        assertThat(Json.compact(f)).contains("RPC_URL");
        Finding ok = AuditRules.envReview(List.of(apps.get(1)), Pattern.compile(AuditConfig.DEFAULT_SECRET_NAMES));
        assertThat(ok.severity()).isEqualTo(Severity.OK);
        assertThat(ok.message()).contains("4 variable names in 1 apps, none looks like a secret");
    }
}
