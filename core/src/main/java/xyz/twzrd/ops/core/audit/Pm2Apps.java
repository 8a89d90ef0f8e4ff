package xyz.twzrd.ops.core.audit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit's facts of PM2 apps from {@code pm2 jlist}, read through a command runner. Only what the audit needs is
 * kept: the environment's variable <b>names</b> are taken and every value is dropped right here, so no value can
 * reach a finding, a report or a log.
 */
public final class Pm2Apps {
    /** The process list is a line starting with '[' followed by an object or the end of an empty list. */
    private static final Pattern LIST_START = Pattern.compile("(?m)^\\[\\s*[{\\]]");

    private Pm2Apps() {
    }

    /**
     * An app source running {@code pm2 jlist} on the runner's host.
     *
     * @param pm2     the pm2 program
     * @param pm2Home PM2_HOME of the daemon to query, or null for pm2's own default
     * @param timeout how long {@code pm2 jlist} may take
     */
    public static AppSource jlist(CommandRunner runner, String pm2, Path pm2Home, Duration timeout) {
        return () -> {
            Command c = Command.of(pm2, "jlist").withTimeout(timeout);
            if (pm2Home != null) {
                c = c.withEnv(Map.of("PM2_HOME", pm2Home.toString()));
            }
            CommandResult r = runner.run(c);
            if (!r.ok()) {
                throw new IOException("'" + pm2 + " jlist' failed (exit " + r.exitCode() + "): " + r.firstErrorLine());
            }
            return parse(r.stdout());
        };
    }

    /**
     * Parses {@code pm2 jlist} output. Text before the JSON array (pm2 prints a banner when it spawns its daemon)
     * is skipped.
     */
    public static List<AppFacts> parse(String jlist) throws IOException {
        Matcher m = LIST_START.matcher(jlist);
        if (!m.find()) {
            throw new IOException("pm2 jlist printed no process list");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(jlist.substring(m.start()));
        } catch (JsonProcessingException e) {
            // the parser's message could quote a piece of an environment value: give the position only
            JsonLocation at = e.getLocation();
            throw new IOException("pm2 jlist printed invalid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        List<AppFacts> apps = new ArrayList<>();
        for (JsonNode p : root) {
            String name = p.path("name").asText();
            JsonNode env = p.path("pm2_env");
            List<String> logs = new ArrayList<>();
            for (String key : List.of("pm_out_log_path", "pm_err_log_path")) {
                String path = env.path(key).asText("");
                if (!path.isEmpty() && !path.equals("/dev/null")) {
                    logs.add(path);
                }
            }
            apps.add(new AppFacts(name, memoryLimit(env.path("max_memory_restart")), envNames(env.path("env"), name),
                    logs, env.path("pmx_module").asBoolean(false)));
        }
        return apps;
    }

    private static Long memoryLimit(JsonNode n) {
        if (n.isNumber()) {
            return n.asLong() > 0 ? n.asLong() : null;
        }
        if (n.isTextual() && n.asText().matches("\\d+")) {
            long v = Long.parseLong(n.asText());
            return v > 0 ? v : null;
        }
        return null;
    }

    /** Variable names only; pm2's own bookkeeping entries (the app-name namespace, unique_id) are left out. */
    private static List<String> envNames(JsonNode env, String appName) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = env.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (!n.equals(appName) && !n.equals("unique_id")) {
                names.add(n);
            }
        }
        return names;
    }
}
