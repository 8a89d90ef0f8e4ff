package xyz.twzrd.ops.core.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Durations;
import xyz.twzrd.ops.core.alertstate.AlertConfig;
import xyz.twzrd.ops.core.audit.AuditConfig;
import xyz.twzrd.ops.core.history.HistoryConfig;
import xyz.twzrd.ops.core.host.Thresholds;
import xyz.twzrd.ops.core.logs.LogsConfig;
import xyz.twzrd.ops.core.notify.NotifyConfig;
import xyz.twzrd.ops.core.pm2.Pm2Config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole configuration of a run: built-in defaults (the field values of each section), then YAML layers and
 * explicit values merged over them key by key ({@link ConfigLayers}). Keys are kebab-case; every key is optional;
 * docs/configuration.md lists them.
 */
public class OpsConfig {
    /**
     * Binds a layer's tree to the sections. A JSON mapper: the trees are already parsed, so a run without a config
     * file never loads the YAML machinery ({@link Yaml}); initialised only when a layer is merged by databind, so a
     * run of only explicit values of plain keys ({@link ExplicitValues}) never initialises an ObjectMapper at all.
     */
    private static final class Bind {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();
    }

    /** The mapper that binds layers' trees to the sections. */
    static ObjectMapper bind() {
        return Bind.MAPPER;
    }

    /** Parses YAML text into trees; loaded only when a YAML layer is given. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder(new YAMLFactory())).build();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .defaultMergeable(true) // a partial section keeps the values of the keys it leaves out
                .withConfigOverride(List.class, o -> o.setMergeable(false)) // a list given replaces the earlier list
                .addModule(new SimpleModule("twzrd-durations").addDeserializer(Duration.class, new DurationText()));
    }

    private Thresholds thresholds = new Thresholds();
    private LogsConfig logs = new LogsConfig();
    private Pm2Config pm2 = new Pm2Config();
    private AuditConfig audit = new AuditConfig();
    private AlertConfig alert = new AlertConfig();
    private NotifyConfig notify = new NotifyConfig();
    private HistoryConfig history = new HistoryConfig();
    private StateConfig state = new StateConfig();

    public Thresholds getThresholds() {
        return thresholds;
    }

    /** The {@code logs:} section: log error scan sources, patterns and thresholds. */
    public LogsConfig getLogs() {
        return logs;
    }

    /** The {@code pm2:} section: how PM2 is reached, crash-loop detection and verified-restart defaults. */
    public Pm2Config getPm2() {
        return pm2;
    }

    /** The {@code audit:} section: what the quarterly tuning audit expects. */
    public AuditConfig getAudit() {
        return audit;
    }

    /** The {@code alert:} section: reminders, debounce, mute after a planned restart. */
    public AlertConfig getAlert() {
        return alert;
    }

    /** The {@code notify:} section: how the Slack webhook is called. */
    public NotifyConfig getNotify() {
        return notify;
    }

    /** The {@code history:} section: how much run history is kept. */
    public HistoryConfig getHistory() {
        return history;
    }

    /** The {@code state:} section: how runs on one state folder take turns. */
    public StateConfig getState() {
        return state;
    }

    /** Defaults only. */
    public static OpsConfig defaults() {
        return new OpsConfig();
    }

    /** Reads and validates a YAML file over the defaults; every error names the file and the key. */
    public static OpsConfig load(Path file) throws ConfigException {
        return ConfigLayers.defaults().file(file).resolve();
    }

    /** Parses and validates YAML text over the defaults. */
    public static OpsConfig parse(String yaml) throws ConfigException {
        return ConfigLayers.defaults().yaml("", yaml).resolve();
    }

    /** Merges one layer (a YAML tree) over this configuration, key by key; errors name the key. */
    void merge(JsonNode tree) throws ConfigException {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return; // only comments
        }
        if (!tree.isObject()) {
            throw new ConfigException("", "the configuration must be a mapping of keys, not " + tree.getNodeType());
        }
        try {
            bind().readerForUpdating(this).readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path(e), "unknown key '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            // a duration's own message says what is wrong; Jackson's type messages get a prefix
            throw new ConfigException(path(e), e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage()
                    : "invalid value: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException("", "invalid configuration: " + e.getMessage());
        }
    }

    /** Parses YAML text into a tree (not yet merged). */
    static JsonNode tree(String yaml) throws ConfigException {
        try {
            return Yaml.MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Checks every value; ConfigLayers calls it once all layers are merged. */
    public void validate() throws ConfigException {
        if (thresholds == null) {
            throw new ConfigException("thresholds", "must not be empty");
        }
        thresholds.validate("thresholds");
        logs = logs == null ? new LogsConfig() : logs;
        logs.validate("logs");
        pm2 = pm2 == null ? new Pm2Config() : pm2;
        pm2.validate("pm2");
        audit = audit == null ? new AuditConfig() : audit;
        audit.validate("audit");
        alert = alert == null ? new AlertConfig() : alert;
        alert.validate("alert");
        notify = notify == null ? new NotifyConfig() : notify;
        notify.validate("notify");
        history = history == null ? new HistoryConfig() : history;
        history.validate("history");
        state = state == null ? new StateConfig() : state;
        state.validate("state");
    }

    /** Durations as the configuration writes them ({@code 10s}, {@code 5m}), or a Duration set as an explicit value. */
    private static final class DurationText extends StdScalarDeserializer<Duration> {
        DurationText() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT && p.getEmbeddedObject() instanceof Duration d) {
                return d;
            }
            String text = p.getValueAsString();
            if (text == null) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return Durations.parse(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
