package xyz.twzrd.ops.core.pm2;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import xyz.twzrd.ops.core.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code pm2 jlist} into {@link Pm2Process} values. The JSON is found after whatever pm2
 * printed before it (on a fresh PM2_HOME: a banner and "Spawning PM2 daemon", with colour codes). Only the
 * whitelisted fields are copied; {@code env} and the environment PM2 flattens into {@code pm2_env} are dropped,
 * and no error message ever quotes the input.
 */
public final class JlistParser {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    /** PM2's own entry in an app's env block, not a variable of the app. */
    private static final String PM2_UNIQUE_ID = "unique_id";

    private JlistParser() {
    }

    /** Parses the whole stdout of {@code pm2 jlist}. */
    public static List<Pm2Process> parse(String stdout) throws Pm2Exception {
        if (stdout == null || stdout.isBlank()) {
            throw new Pm2Exception("pm2 jlist printed nothing");
        }
        String text = ANSI.matcher(stdout).replaceAll("");
        int start = jsonStart(text);
        if (start < 0) {
            throw new Pm2Exception("pm2 jlist printed no JSON list (" + text.length() + " characters of other output)");
        }
        JsonNode root;
        try (JsonParser p = Json.mapper().createParser(text.substring(start))) {
            root = p.readValueAsTree(); // text after the list (e.g. "In-memory PM2 is out-of-date") is ignored
        } catch (JsonProcessingException e) {
            throw new Pm2Exception("pm2 jlist output is not valid JSON (truncated or malformed) at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new Pm2Exception("pm2 jlist output could not be read: " + e.getClass().getSimpleName());
        }
        if (root == null || !root.isArray()) {
            throw new Pm2Exception("pm2 jlist output is not a JSON list");
        }
        List<Pm2Process> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            out.add(process(root.get(i), i));
        }
        return out;
    }

    /** The first line that starts a JSON list: {@code [} followed by {@code {}, {@code ]} or the end. */
    private static int jsonStart(String text) {
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end).stripLeading();
            if (line.startsWith("[")) {
                String rest = line.substring(1).stripLeading();
                if (rest.isEmpty() || rest.startsWith("{") || rest.startsWith("]")) {
                    return from + (text.substring(from, end).length() - line.length());
                }
            }
            from = end + 1;
        }
        return -1;
    }

    private static Pm2Process process(JsonNode n, int index) throws Pm2Exception {
        JsonNode env = n.path("pm2_env");
        String name = text(n, "name");
        if (name == null) {
            name = text(env, "name");
        }
        if (name == null || !n.path("pm_id").canConvertToInt() && !env.path("pm_id").canConvertToInt()) {
            throw new Pm2Exception("pm2 jlist entry " + index + " has no name or pm_id");
        }
        int pmId = n.has("pm_id") ? n.get("pm_id").asInt() : env.get("pm_id").asInt();
        JsonNode monit = n.path("monit");
        return new Pm2Process(name, pmId, orDefault(text(env, "status"), "unknown"),
                env.path("restart_time").asLong(0), env.path("unstable_restarts").asLong(0),
                instant(env.get("pm_uptime")), instant(env.get("created_at")),
                monit.path("memory").asLong(0), monit.path("cpu").asDouble(0),
                memory(env.get("max_memory_restart")),
                path(env, "pm_out_log_path"), path(env, "pm_err_log_path"), path(env, "pm_pid_path"),
                envNames(env.get("env"), name), env.path("pmx_module").asBoolean(false),
                n.path("pid").canConvertToInt() && n.path("pid").asInt() > 0 ? n.path("pid").asInt() : null,
                text(env, "exec_mode"));
    }

    /** Names of the app's variables; pm2's own entries (unique_id, and the app-name namespace, an object or "{}") are left out. */
    private static List<String> envNames(JsonNode env, String appName) {
        List<String> names = new ArrayList<>();
        if (env != null && env.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isValueNode() && !PM2_UNIQUE_ID.equals(e.getKey()) && !appName.equals(e.getKey())) {
                    names.add(e.getKey());
                }
            }
        }
        names.sort(null);
        return names;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }

    private static Path path(JsonNode n, String field) {
        String s = text(n, field);
        return s == null || s.isEmpty() ? null : Path.of(s);
    }

    private static Instant instant(JsonNode v) {
        return v != null && v.isNumber() && v.asLong() > 0 ? Instant.ofEpochMilli(v.asLong()) : null;
    }

    /** PM2 stores max_memory_restart in bytes (a number, or a numeric string). */
    private static Long memory(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
