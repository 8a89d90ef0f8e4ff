package xyz.twzrd.ops.core.config;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.ConfigException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Explicit values bound without databind ({@link ExplicitValues}) give the configuration databind gives, for every
 * key of a plain type; everything else is left to databind.
 */
class ExplicitValuesTest {
    /** Every leaf key as databind itself names and types it (its own introspection of the sections). */
    private static Map<String, Class<?>> leafKeys() {
        Map<String, Class<?>> out = new TreeMap<>();
        walk(OpsConfig.class, "", out);
        return out;
    }

    private static void walk(Class<?> section, String prefix, Map<String, Class<?>> out) {
        BeanDescription d = OpsConfig.bind().getDeserializationConfig()
                .introspect(OpsConfig.bind().constructType(section));
        for (BeanPropertyDefinition p : d.findProperties()) {
            Class<?> t = p.getRawPrimaryType();
            String key = prefix + p.getName();
            if (t.getName().startsWith("xyz.twzrd.ops.core.")) {
                walk(t, key + ".", out);
            } else {
                out.put(key, t);
            }
        }
    }

    /** Sample values of the Java types the faces pass for a field of this type, none of them a default. */
    private static List<Object> samples(String key, Class<?> t) {
        if (t == String.class) {
            return List.of("sample-" + key, Path.of("/sample/" + key));
        }
        if (t == boolean.class) {
            return List.of(Boolean.TRUE, Boolean.FALSE);
        }
        if (t == int.class) {
            return List.of(12345, 12346L);
        }
        if (t == long.class) {
            return List.of(123456789012L, 4242);
        }
        if (t == double.class) {
            return List.of(12.5, 3, 4L, 2.5f);
        }
        if (t == Duration.class) {
            return List.of(Duration.ofSeconds(97), "7m");
        }
        return List.of();
    }

    private static OpsConfig byDatabind(String key, Object value) throws ConfigException {
        OpsConfig c = OpsConfig.defaults();
        c.merge(ConfigLayers.explicitTree(key, value));
        return c;
    }

    @Test
    void everyLeafKeyOfAPlainTypeBindsExactlyAsDatabindBindsIt() throws ConfigException {
        Map<String, Class<?>> keys = leafKeys();
        List<String> plain = new ArrayList<>();
        List<String> notPlain = new ArrayList<>();
        for (Map.Entry<String, Class<?>> e : keys.entrySet()) {
            String key = e.getKey();
            List<Object> samples = samples(key, e.getValue());
            if (samples.isEmpty()) {
                notPlain.add(key);
                continue;
            }
            plain.add(key);
            List<OpsConfig> bound = new ArrayList<>();
            for (Object v : samples) {
                OpsConfig fast = OpsConfig.defaults();
                assertThat(ExplicitValues.apply(fast, key, v)).as("%s = %s (%s) bound without databind",
                        key, v, v.getClass().getSimpleName()).isTrue();
                assertThat(fast).as("%s = %s (%s)", key, v, v.getClass().getSimpleName())
                        .usingRecursiveComparison().isEqualTo(byDatabind(key, v));
                bound.add(fast);
            }
            if (e.getValue() == boolean.class) {
                assertThat(bound.get(0)).as(key).usingRecursiveComparison().isNotEqualTo(bound.get(1));
            } else {
                assertThat(bound.get(0)).as("%s changed", key).usingRecursiveComparison().isNotEqualTo(OpsConfig.defaults());
            }
        }
        assertThat(plain).as("the keys the faces set").contains(Keys.PM2_PROGRAM, Keys.PM2_HOME,
                Keys.PM2_COMMAND_TIMEOUT, Keys.RESTART_APPS, Keys.SETTLE, Keys.DEADLINE, Keys.HEALTH_URL, Keys.ROLLING,
                Keys.RELOAD, "thresholds.swap.alert", "thresholds.load.window", "thresholds.load.per-core",
                "thresholds.disk.emergency", "notify.slack-timeout", "alert.remind-every", "history.max-age",
                "pm2.daemon-log-bytes", "state.lock-timeout", "logs.alert");
        // a new field of another type would be left to databind silently: this list says so
        assertThat(notPlain).as("keys databind binds").containsExactlyInAnyOrder("audit.own-logs", "logs.paths",
                "logs.patterns", Keys.EXPECTED_APPS, "thresholds.disk.exclude-mounts", "thresholds.disk.exclude-types");
        for (String key : notPlain) {
            OpsConfig c = OpsConfig.defaults();
            assertThat(ExplicitValues.apply(c, key, "a,b")).as(key).isFalse();
            assertThat(ExplicitValues.apply(c, key, List.of("a"))).as(key).isFalse();
            assertThat(c).as(key).usingRecursiveComparison().isEqualTo(OpsConfig.defaults());
        }
    }

    @Test
    void whatIsNotAPlainCaseChangesNothingAndIsLeftToDatabind() {
        Object[][] cases = {
                {"pm2.setle", "3s"}, // unknown key: databind words it
                {"pm2", "x"}, // a section
                {"pm2.program.x", "y"}, // below a value
                {"", "x"}, {"thresholds..alert", 3.0}, {"thresholds.swap.", 3.0},
                {"thresholds.swap.alert", "12"}, // databind's coercion of text to a number
                {"thresholds.swap.alert", new BigDecimal("1.5")},
                {"pm2.crash-loop-restarts", 1L << 40}, // does not fit an int
                {"pm2.crash-loop-restarts", 2.5},
                {"thresholds.load.window", 5.0},
                {"pm2.settle", "soon"}, // databind's message names the key
                {"pm2.settle", 10},
                {"pm2.rolling", "true"},
                {"pm2.program", 3},
                {"pm2.program", true},
                {"thresholds.swap-alert", 3}, // a static constant of Thresholds is no key
        };
        for (Object[] c : cases) {
            OpsConfig config = OpsConfig.defaults();
            assertThat(ExplicitValues.apply(config, (String) c[0], c[1])).as("%s = %s", c[0], c[1]).isFalse();
            assertThat(config).as("%s = %s", c[0], c[1]).usingRecursiveComparison().isEqualTo(OpsConfig.defaults());
        }
    }

    @Test
    void theHourlyChecksFlagsTakeNoDatabindMergeAndOtherLayersStillDo() throws ConfigException {
        ConfigLayers flags = hourlyFlags(ConfigLayers.defaults());
        OpsConfig c = flags.resolve();
        assertThat(flags.databindMerges).isZero();
        assertThat(c.getPm2().settings().pm2()).isEqualTo("/opt/pm2/bin/pm2");
        assertThat(c.getPm2().settings().pm2Home()).isEqualTo(Path.of("/home/deploy/.pm2"));
        assertThat(c.getThresholds().getLoad().getWindow()).isEqualTo(15);
        assertThat(c.getThresholds().getLoad().isPerCore()).isTrue();
        assertThat(c.getAlert().policy().muteAfterPlannedRestart()).isEqualTo(Duration.ofMinutes(20));

        ConfigLayers withYaml = hourlyFlags(ConfigLayers.defaults().yaml("/etc/twzrd.yaml", "alert: {debounce: 3}"));
        assertThat(withYaml.resolve().getAlert().policy().debounce()).isEqualTo(3);
        assertThat(withYaml.databindMerges).isEqualTo(1);

        Map<String, Object> stepFields = new LinkedHashMap<>();
        stepFields.put(Keys.EXPECTED_APPS, "web, api");
        stepFields.put(Keys.SETTLE, "3s");
        stepFields.put("thresholds.swap.alert", "30"); // a step field's text
        ConfigLayers step = ConfigLayers.defaults().setAll("the step's fields", stepFields);
        OpsConfig s = step.resolve();
        assertThat(step.databindMerges).as("expected-apps and the number as text").isEqualTo(2);
        assertThat(s.getPm2().settle()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.getThresholds().getSwap().getAlert()).isEqualTo(30);
    }

    @Test
    void errorsOfExplicitValuesNameTheirKeyAndSourceAsBefore() {
        assertThatThrownBy(() -> ConfigLayers.defaults().set("--swap-alert", "thresholds.swap.alert", 120.0).resolve())
                .hasMessage("thresholds.swap.alert: must be a number from 0 to 100, not 120.0 (from --swap-alert)");
        assertThatThrownBy(() -> ConfigLayers.defaults().set("--load-window", "thresholds.load.window", 7).resolve())
                .hasMessage("thresholds.load.window: must be 1, 5 or 15 (minutes), not 7 (from --load-window)");
        assertThatThrownBy(() -> ConfigLayers.defaults().set("pm2Restart", "pm2.setle", "3s").resolve())
                .hasMessage("pm2.setle: unknown key 'setle' (from pm2Restart)");
        assertThatThrownBy(() -> ConfigLayers.defaults().setAsGiven("--apps", Keys.RESTART_APPS, "").resolve())
                .hasMessageContaining(Keys.RESTART_APPS).hasMessageContaining("(from --apps)");
    }

    private static ConfigLayers hourlyFlags(ConfigLayers layers) {
        return layers.set("--pm2", Keys.PM2_PROGRAM, "/opt/pm2/bin/pm2")
                .set("--pm2-home", Keys.PM2_HOME, Path.of("/home/deploy/.pm2"))
                .set("--pm2-timeout", Keys.PM2_COMMAND_TIMEOUT, Duration.ofSeconds(20))
                .set("--swap-alert", "thresholds.swap.alert", 30.0)
                .set("--load-window", "thresholds.load.window", 15)
                .set("--load-per-core", "thresholds.load.per-core", true)
                .set("--slack-attempts", "notify.slack-attempts", 2)
                .set("--mute-after-restart", "alert.mute-after-restart", Duration.ofMinutes(20))
                .set("--history-keep", "history.keep", 500);
    }

    /** What {@link #aRunOfOnlyFlagsNeverInitialisesAnObjectMapper} runs in its own JVM. */
    static final class HourlyFlagsRun {
        public static void main(String[] args) throws ConfigException {
            ConfigLayers layers = hourlyFlags(ConfigLayers.defaults());
            if (args.length > 0 && args[0].equals("yaml")) {
                layers.yaml("config file", "alert: {debounce: 3}");
            }
            System.out.println(layers.resolve().getPm2().settings().pm2());
        }
    }

    @Test
    void aRunOfOnlyFlagsNeverInitialisesAnObjectMapper() throws Exception {
        String flags = classInitLog("flags");
        assertThat(flags).contains("/opt/pm2/bin/pm2").contains("Initializing 'xyz/twzrd/ops/core/config/OpsConfig'")
                .doesNotContain("Initializing 'com/fasterxml/jackson/databind/ObjectMapper'");
        // the same log shows it when a layer is merged by databind
        assertThat(classInitLog("yaml")).contains("Initializing 'com/fasterxml/jackson/databind/ObjectMapper'");
    }

    /** A fresh JVM's log of the classes it initialises while resolving the hourly flags. */
    private static String classInitLog(String mode) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+init=info", "-cp", System.getProperty("java.class.path"),
                HourlyFlagsRun.class.getName(), mode).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        return log;
    }
}
