package xyz.twzrd.ops.core.config;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.host.Thresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpsConfigTest {
    @Test
    void defaultsAreTheSchedule() {
        Thresholds t = OpsConfig.defaults().getThresholds();
        assertThat(t.getSwap().getAlert()).isEqualTo(20);
        assertThat(t.getSwap().getEmergency()).isEqualTo(80);
        assertThat(t.getLoad().getAlert()).isEqualTo(8);
        assertThat(t.getLoad().getEmergency()).isEqualTo(12);
        assertThat(t.getLoad().getWindow()).isEqualTo(5);
        assertThat(t.getLoad().isPerCore()).isFalse();
        assertThat(t.getDisk().getAlert()).isEqualTo(85);
        assertThat(t.getDisk().getEmergency()).isEqualTo(95);
    }

    @Test
    void partialYamlKeepsOtherDefaults() throws Exception {
        OpsConfig c = OpsConfig.parse("""
                thresholds:
                  swap:
                    alert: 30
                  load:
                    window: 15
                    per-core: true
                    alert: 1
                    emergency: 2
                  disk:
                    exclude-mounts: [/snap]
                """);
        Thresholds t = c.getThresholds();
        assertThat(t.getSwap().getAlert()).isEqualTo(30);
        assertThat(t.getSwap().getEmergency()).isEqualTo(80);
        assertThat(t.getLoad().getWindow()).isEqualTo(15);
        assertThat(t.getLoad().isPerCore()).isTrue();
        assertThat(t.getDisk().getExcludeMounts()).containsExactly("/snap");
        assertThat(t.getDisk().getExcludeTypes()).contains("tmpfs");
    }

    @Test
    void emptyTextIsDefaults() throws Exception {
        assertThat(OpsConfig.parse("").getThresholds().getSwap().getAlert()).isEqualTo(20);
        assertThat(OpsConfig.parse("# nothing\n").getThresholds().getLoad().getAlert()).isEqualTo(8);
    }

    @Test
    void unknownKeyIsNamed() {
        assertThatThrownBy(() -> OpsConfig.parse("thresholds:\n  swap:\n    alrt: 30\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'alrt'")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("thresholds.swap.alrt"));
    }

    @Test
    void wrongTypeIsNamed() {
        assertThatThrownBy(() -> OpsConfig.parse("thresholds:\n  load:\n    alert: high\n"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("thresholds.load.alert"));
    }

    @Test
    void invalidValuesAreNamed() {
        assertThatThrownBy(() -> OpsConfig.parse("thresholds:\n  swap:\n    alert: 90\n    emergency: 50\n"))
                .hasMessageStartingWith("thresholds.swap: alert (90.0) must not be above emergency (50.0)");
        assertThatThrownBy(() -> OpsConfig.parse("thresholds:\n  disk:\n    alert: 120\n"))
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("thresholds.disk.alert"));
        assertThatThrownBy(() -> OpsConfig.parse("thresholds:\n  load:\n    window: 10\n"))
                .hasMessageContaining("thresholds.load.window: must be 1, 5 or 15");
        assertThatThrownBy(() -> OpsConfig.parse("a: b: c\n"))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("twzrd.yml");
        assertThatThrownBy(() -> OpsConfig.load(f)).hasMessageContaining("does not exist");
        Files.writeString(f, "thresholds:\n  swapp: {}\n");
        assertThatThrownBy(() -> OpsConfig.load(f))
                .hasMessageContaining(f.toString())
                .hasMessageContaining("unknown key 'swapp'")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("thresholds.swapp"));
    }
}
