package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code pm2:} section and app-name validation. */
class Pm2ConfigTest {
    @Test
    void defaultsAndAPartialSection() throws Exception {
        Pm2Config d = OpsConfig.defaults().getPm2();
        assertThat(d.getCrashLoopRestarts()).isEqualTo(5);
        assertThat(d.crashLoopWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.isStopLooping()).isFalse();
        assertThat(d.getRestartApps()).isEqualTo("all");
        assertThat(d.settle()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.deadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.getHealthUrl()).isNull();
        Pm2Config c = OpsConfig.parse("""
                pm2:
                  crash-loop-restarts: 3
                  crash-loop-window: 2m
                  health-url: http://localhost:8080/health
                  restart-apps: gateway,cls-worker-s0
                """).getPm2();
        assertThat(c.getCrashLoopRestarts()).isEqualTo(3);
        assertThat(c.crashLoopWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.getHealthUrl()).isEqualTo("http://localhost:8080/health");
        assertThat(AppSelection.parse(c.getRestartApps()).names()).containsExactly("gateway", "cls-worker-s0");
        assertThat(c.settle()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  crash-loop-restarts: 0\n"))
                .isInstanceOf(ConfigException.class).hasMessage("pm2.crash-loop-restarts: must be from 1 to 10000, not 0");
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  crash-loop-window: soon\n"))
                .hasMessageStartingWith("pm2.crash-loop-window: 'soon' is not a duration");
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  health-url: ftp://x/health\n"))
                .hasMessage("pm2.health-url: 'ftp://x/health' is not an http(s) URL with a host");
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  restart-apps: \"web; rm -rf /\"\n"))
                .hasMessage("pm2.restart-apps: 'web; rm -rf /' is not a valid PM2 app name (letters, digits, . _ - @ :)");
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  stop-loop: true\n")).hasMessageContaining("unknown key 'stop-loop'");
    }

    @Test
    void appSelection() {
        assertThat(AppSelection.parse("all").all()).isTrue();
        assertThat(AppSelection.parse(" web , web,api ").names()).containsExactly("web", "api");
        assertThatThrownBy(() -> AppSelection.parse("web,")).hasMessageStartingWith("'' is not a valid PM2 app name");
        assertThat(HealthProbe.display("http://user:pw@localhost:8080/health?token=abc")).isEqualTo("http://localhost:8080/health");
        assertThatThrownBy(() -> AppSelection.parse("-web")).hasMessageStartingWith("'-web' is not a valid PM2 app name");
        assertThatThrownBy(() -> AppSelection.parse("")).hasMessage(AppSelection.BLANK);
        assertThatThrownBy(() -> AppSelection.parse("  ")).hasMessage(AppSelection.BLANK);
        assertThatThrownBy(() -> AppSelection.parse(null)).hasMessage(AppSelection.BLANK);
    }

    @Test
    void aBlankAppListIsRefusedNeverReadAsAll() throws Exception {
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  restart-apps: ''\n"))
                .isInstanceOf(ConfigException.class).hasMessage("pm2.restart-apps: " + AppSelection.BLANK);
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  restart-apps:\n"))
                .as("a key with no value is given too").hasMessage("pm2.restart-apps: " + AppSelection.BLANK);
        assertThat(OpsConfig.parse("pm2:\n  settle: 5s\n").getPm2().getRestartApps()).as("left out: the default")
                .isEqualTo("all");
        assertThatThrownBy(() -> xyz.twzrd.ops.core.config.ConfigLayers.defaults()
                .setAsGiven("--apps", xyz.twzrd.ops.core.config.Keys.RESTART_APPS, "").resolve())
                .hasMessage("pm2.restart-apps: " + AppSelection.BLANK + " (from --apps)");
        assertThat(xyz.twzrd.ops.core.config.ConfigLayers.defaults()
                .setAsGiven("--apps", xyz.twzrd.ops.core.config.Keys.RESTART_APPS, null).resolve().getPm2()
                .getRestartApps()).isEqualTo("all");
    }

    @Test
    void rollingAndReloadAreOffUnlessSet() throws Exception {
        assertThat(OpsConfig.defaults().getPm2().isRolling()).isFalse();
        assertThat(OpsConfig.defaults().getPm2().isReload()).isFalse();
        Pm2Config c = OpsConfig.parse("pm2:\n  rolling: true\n  reload: true\n").getPm2();
        assertThat(c.isRolling()).isTrue();
        assertThat(c.isReload()).isTrue();
        // a Jenkins step field arrives as text
        Pm2Config s = xyz.twzrd.ops.core.config.ConfigLayers.defaults().yaml("config", "pm2: {rolling: true}")
                .set("rolling", xyz.twzrd.ops.core.config.Keys.ROLLING, "false")
                .set("reload", xyz.twzrd.ops.core.config.Keys.RELOAD, "true").resolve().getPm2();
        assertThat(s.isRolling()).isFalse();
        assertThat(s.isReload()).isTrue();
    }

    @Test
    void expectedAppsAreAListOrCommaSeparatedAndValidated() throws Exception {
        assertThat(OpsConfig.defaults().getPm2().getExpectedApps()).isEmpty();
        assertThat(OpsConfig.parse("pm2:\n  expected-apps: [gateway, tree-builder]\n").getPm2().getExpectedApps())
                .containsExactly("gateway", "tree-builder");
        assertThat(xyz.twzrd.ops.core.config.ConfigLayers.defaults().yaml("file", "pm2:\n  expected-apps: [a]\n")
                .set("--expect-apps", "pm2.expected-apps", " web , api,web ").resolve().getPm2().getExpectedApps())
                .as("a flag replaces the list; names trimmed, each once").containsExactly("web", "api");
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  expected-apps: 'ok,<!here>'\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pm2.expected-apps")
                .hasMessageContaining("'<!here>' is not a valid PM2 app name");
        assertThatThrownBy(() -> OpsConfig.parse("pm2:\n  expected-apps: all\n"))
                .hasMessageContaining("pm2.expected-apps: name the apps that must run; 'all' names none");
        assertThat(xyz.twzrd.ops.core.run.Validation.expectedApps("gateway, tree-builder")).isEmpty();
        assertThat(xyz.twzrd.ops.core.run.Validation.expectedApps("")).isEmpty();
        assertThat(xyz.twzrd.ops.core.run.Validation.expectedApps("a,<b>")).get().asString().contains("'<b>'");
    }
}
