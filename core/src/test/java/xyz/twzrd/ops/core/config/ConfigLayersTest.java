package xyz.twzrd.ops.core.config;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.ConfigException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merge order of docs/configuration.md: defaults, global (or file), job config, explicit fields (or flags). */
class ConfigLayersTest {
    @Test
    void aJobConfigMergesWithTheGlobalOneKeyByKey() throws ConfigException {
        OpsConfig c = ConfigLayers.defaults()
                .yaml("global configuration", "thresholds:\n  load: {alert: 3}\n")
                .yaml("step config", "thresholds:\n  swap: {alert: 5}\n")
                .resolve();
        assertThat(c.getThresholds().getLoad().getAlert()).as("global key kept").isEqualTo(3);
        assertThat(c.getThresholds().getLoad().getEmergency()).as("default kept").isEqualTo(12);
        assertThat(c.getThresholds().getSwap().getAlert()).isEqualTo(5);
        assertThat(c.getThresholds().getSwap().getEmergency()).isEqualTo(80);
    }

    @Test
    void restartFieldsLeftBlankKeepTheConfiguredRestart() throws ConfigException {
        Map<String, Object> stepFields = new LinkedHashMap<>();
        stepFields.put("pm2.restart-apps", null);
        stepFields.put("pm2.settle", "");
        stepFields.put("pm2.deadline", " ");
        OpsConfig c = ConfigLayers.defaults()
                .yaml("global configuration", "pm2:\n  restart-apps: web,api\n  settle: 3s\n  deadline: 2m\n")
                .setAll("pm2Restart", stepFields).resolve();
        assertThat(c.getPm2().getRestartApps()).isEqualTo("web,api");
        assertThat(c.getPm2().settle()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.getPm2().deadline()).isEqualTo(Duration.ofMinutes(2));
        OpsConfig given = ConfigLayers.defaults().yaml("global configuration", "pm2: {settle: 3s}")
                .set("settle", "pm2.settle", Duration.ofMillis(500)).set("apps", "pm2.restart-apps", "web").resolve();
        assertThat(given.getPm2().settle()).isEqualTo(Duration.ofMillis(500));
        assertThat(given.getPm2().getRestartApps()).isEqualTo("web");
    }

    @Test
    void explicitValuesWinAndAListGivenReplacesTheEarlierList() throws ConfigException {
        OpsConfig c = ConfigLayers.defaults()
                .yaml("global configuration", "thresholds:\n  disk: {exclude-types: [tmpfs]}\nalert: {remind-every: 6}\n")
                .yaml("step config", "thresholds:\n  disk: {exclude-types: [overlay, nsfs]}\n")
                .set("--memory-alert", "thresholds.memory.alert", 50.0)
                .set("--pm2", "pm2.program", "/usr/local/bin/pm2")
                .set("--pm2-home", "pm2.home", Path.of("/home/deploy/.pm2"))
                .resolve();
        assertThat(c.getThresholds().getDisk().getExcludeTypes()).containsExactly("overlay", "nsfs");
        assertThat(c.getThresholds().getMemory().getAlert()).isEqualTo(50);
        assertThat(c.getAlert().policy().remindEvery()).isEqualTo(6);
        assertThat(c.getPm2().settings().pm2()).isEqualTo("/usr/local/bin/pm2");
        assertThat(c.getPm2().settings().pm2Home()).isEqualTo(Path.of("/home/deploy/.pm2"));
    }

    @Test
    void anInvalidValueNamesItsKeyAndWhereItCameFrom() {
        assertThatThrownBy(() -> ConfigLayers.defaults().yaml("/etc/twzrd.yaml", "thresholds:\n  swap: {alert: 120}\n").resolve())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("thresholds.swap.alert").hasMessageContaining("(from /etc/twzrd.yaml)");
        assertThatThrownBy(() -> ConfigLayers.defaults().yaml("global configuration", "thresholds: {swap: {emergency: 90}}")
                .set("--swap-alert", "thresholds.swap.alert", 95.0).resolve())
                .hasMessageContaining("thresholds.swap").hasMessageContaining("(from --swap-alert)");
        assertThatThrownBy(() -> ConfigLayers.defaults().set("--settle", "pm2.settle", "soon").resolve())
                .hasMessageContaining("pm2.settle").hasMessageContaining("'soon' is not a duration")
                .hasMessageContaining("--settle");
        assertThatThrownBy(() -> ConfigLayers.defaults().yaml("step config", "pm2: {setle: 3s}").resolve())
                .hasMessageContaining("unknown key 'setle'").hasMessageContaining("step config");
        assertThatThrownBy(() -> ConfigLayers.defaults().file(Path.of("/nonexistent/twzrd.yaml")).resolve())
                .hasMessageContaining("/nonexistent/twzrd.yaml does not exist");
    }

    @Test
    void theNewSectionsHaveTheirDefaults() throws ConfigException {
        OpsConfig c = ConfigLayers.defaults().resolve();
        assertThat(c.getAlert().policy().remindEvery()).isEqualTo(Defaults.REMIND_EVERY);
        assertThat(c.getAlert().policy().muteAfterPlannedRestart()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.getHistory().retention().maxRuns()).isEqualTo(Defaults.HISTORY_KEEP);
        assertThat(c.getPm2().settings().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.getPm2().settings().pm2()).isEqualTo("pm2");
    }
}
