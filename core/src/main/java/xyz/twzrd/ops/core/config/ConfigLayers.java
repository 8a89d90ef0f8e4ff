package xyz.twzrd.ops.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import xyz.twzrd.ops.core.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of a run as layers merged key by key, later over earlier: the built-in defaults, then the
 * config file (runner) or the global configuration (Jenkins), then the job's own config, then explicit flags or
 * step fields ({@link #set}). A key a layer leaves out keeps the earlier value; a list given replaces the earlier
 * list. The merged configuration is validated once, and an invalid value's message names its key and the layer it
 * came from, e.g. {@code thresholds.swap.alert: must be a number from 0 to 100, not 120.0 (from /etc/twzrd.yaml)}.
 */
public final class ConfigLayers {
    /** A YAML layer (its tree), or an explicit value for one key whose tree is built only if databind merges it. */
    private record Layer(String source, JsonNode yaml, String key, Object value) {
        JsonNode tree() {
            return yaml != null ? yaml : explicitTree(key, value);
        }
    }

    private final List<Layer> layers = new ArrayList<>();
    private final List<ConfigException> problems = new ArrayList<>();
    private OpsConfig resolved;
    /** How many layers the last {@link #resolve} merged with databind (tests: explicit values of plain keys take none). */
    int databindMerges;

    private ConfigLayers() {
    }

    /** The built-in defaults, nothing over them yet. */
    public static ConfigLayers defaults() {
        return new ConfigLayers();
    }

    /**
     * A layer of YAML text; blank text (or only comments) sets nothing.
     *
     * @param source how messages name this layer, e.g. {@code global configuration}
     */
    public ConfigLayers yaml(String source, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        try {
            add(new Layer(source, OpsConfig.tree(text), null, null));
        } catch (ConfigException e) {
            problems.add(within(e, source));
        }
        return this;
    }

    /** A layer read from a YAML file; a missing or unreadable file is an error naming it. */
    public ConfigLayers file(Path file) {
        try {
            return yaml(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            problems.add(new ConfigException("", "config file " + file + " does not exist"));
        } catch (IOException e) {
            problems.add(new ConfigException("", "cannot read config file " + file + ": " + e.getMessage()));
        }
        return this;
    }

    /**
     * An explicit value for one dotted key ({@code thresholds.swap.alert}, {@code pm2.settle}); null or a blank
     * string means "not set" and changes nothing.
     *
     * @param source how messages name where the value came from, e.g. {@code --swap-alert}
     */
    public ConfigLayers set(String source, String key, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return this;
        }
        add(new Layer(source, null, key, value));
        return this;
    }

    /**
     * An explicit text value set as given, even when blank (only null means "not set"): for a flag where a blank
     * value is an answer the section must judge, e.g. {@code --apps ''} is refused instead of meaning the default.
     */
    public ConfigLayers setAsGiven(String source, String key, String value) {
        if (value == null) {
            return this;
        }
        add(new Layer(source, null, key, value));
        return this;
    }

    /** Several explicit values at once, in the map's order, all named by one source. */
    public ConfigLayers setAll(String source, Map<String, ?> values) {
        values.forEach((k, v) -> set(source, k, v));
        return this;
    }

    private void add(Layer layer) {
        resolved = null;
        layers.add(new Layer(Objects.requireNonNullElse(layer.source(), ""), layer.yaml(), layer.key(), layer.value()));
    }

    /** The tree databind merges for an explicit value: the key's path of sections down to the value. */
    static JsonNode explicitTree(String key, Object value) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode node = root;
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.putObject(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (value instanceof Duration || value instanceof Path) {
            node.putPOJO(leaf, value instanceof Path p ? p.toString() : value);
        } else if (value instanceof String text) {
            node.put(leaf, text); // what valueToTree makes of a String, without the mapper
        } else {
            node.set(leaf, OpsConfig.bind().valueToTree(value));
        }
        return root;
    }

    /**
     * The merged, validated configuration (computed once).
     *
     * @throws ConfigException naming the key and the layer of the first invalid value
     */
    public OpsConfig resolve() throws ConfigException {
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        if (resolved != null) {
            return resolved;
        }
        OpsConfig c = OpsConfig.defaults();
        databindMerges = 0;
        Map<String, String> setBy = new LinkedHashMap<>();
        for (Layer l : layers) {
            if (l.key() != null && ExplicitValues.apply(c, l.key(), l.value())) {
                setBy.put(l.key(), l.source()); // the one leaf of an explicit layer
                continue;
            }
            JsonNode tree = l.tree();
            databindMerges++;
            try {
                c.merge(tree);
            } catch (ConfigException e) {
                throw within(e, l.source());
            }
            leaves(tree, "", path -> setBy.put(path, l.source()));
        }
        try {
            c.validate();
        } catch (ConfigException e) {
            throw within(e, sourceOf(e.key(), setBy));
        }
        resolved = c;
        return c;
    }

    /** The layer that last set the key, or a key below it; empty for a built-in default. */
    private static String sourceOf(String key, Map<String, String> setBy) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        String found = setBy.get(key);
        for (Map.Entry<String, String> e : setBy.entrySet()) {
            if (e.getKey().startsWith(key + ".") || e.getKey().startsWith(key + "[")) {
                found = e.getValue();
            }
        }
        return found == null ? "" : found;
    }

    private static void leaves(JsonNode n, String prefix, java.util.function.Consumer<String> out) {
        if (n == null || !n.isObject()) {
            if (!prefix.isEmpty()) {
                out.accept(prefix);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
        }
    }

    /** The error with the layer it came from, e.g. {@code pm2.settle: ... (from --settle)}. */
    private static ConfigException within(ConfigException e, String source) {
        if (source == null || source.isEmpty()) {
            return e;
        }
        String m = e.getMessage();
        String prefix = e.key() == null || e.key().isEmpty() ? "" : e.key() + ": ";
        String bare = m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        return new ConfigException(e.key(), bare + " (from " + source + ")", e);
    }
}
