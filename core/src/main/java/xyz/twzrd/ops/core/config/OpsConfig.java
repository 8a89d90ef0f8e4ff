package xyz.twzrd.ops.core.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.audit.AuditConfig;
import xyz.twzrd.ops.core.host.Thresholds;
import xyz.twzrd.ops.core.logs.LogsConfig;
import xyz.twzrd.ops.core.pm2.Pm2Config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole configuration of a run, read from a small YAML file (keys in kebab-case; every key optional,
 * defaults as documented in docs/configuration.md) and then adjusted by command-line flags or step fields.
 */
public class OpsConfig {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .defaultMergeable(true) // a partial section keeps the defaults of the keys it leaves out
            .withConfigOverride(List.class, o -> o.setMergeable(false)) // a list given replaces the default list
            .build();

    private Thresholds thresholds = new Thresholds();
    private LogsConfig logs = new LogsConfig();
    private Pm2Config pm2 = new Pm2Config();
    private AuditConfig audit = new AuditConfig();

    public Thresholds getThresholds() {
        return thresholds;
    }

    /** The {@code logs:} section: log error scan sources, patterns and thresholds. */
    public LogsConfig getLogs() {
        return logs;
    }

    /** The {@code pm2:} section: crash-loop detection and verified-restart defaults. */
    public Pm2Config getPm2() {
        return pm2;
    }

    /** The {@code audit:} section: what the quarterly tuning audit expects. */
    public AuditConfig getAudit() {
        return audit;
    }

    /** Defaults only. */
    public static OpsConfig defaults() {
        return new OpsConfig();
    }

    /** Reads and validates a YAML file; every error names the file and the key. */
    public static OpsConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", "config file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException("", "cannot read config file " + file + ": " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (ConfigException e) {
            throw new ConfigException(e.key(), "in " + file + ": " + stripKey(e), e);
        }
    }

    private static String stripKey(ConfigException e) {
        String m = e.getMessage();
        String prefix = e.key() == null || e.key().isEmpty() ? "" : e.key() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Parses and validates YAML text. */
    public static OpsConfig parse(String yaml) throws ConfigException {
        if (yaml == null || yaml.isBlank()) {
            return defaults();
        }
        OpsConfig c;
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return defaults(); // only comments
            }
            c = YAML.treeToValue(tree, OpsConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path(e), "unknown key '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw new ConfigException(path(e), "invalid value: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException("", "not valid YAML: " + e.getOriginalMessage());
        }
        if (c == null) {
            return defaults();
        }
        c.validate();
        return c;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** Checks every value; call again after flags changed it. */
    public void validate() throws ConfigException {
        if (thresholds == null) {
            throw new ConfigException("thresholds", "must not be empty");
        }
        thresholds.validate("thresholds");
        if (logs == null) {
            logs = new LogsConfig();
        }
        logs.validate("logs");
        if (pm2 == null) {
            pm2 = new Pm2Config();
        }
        pm2.validate("pm2");
        if (audit == null) {
            audit = new AuditConfig();
        }
        audit.validate("audit");
    }
}
