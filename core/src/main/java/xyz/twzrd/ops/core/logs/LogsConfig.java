package xyz.twzrd.ops.core.logs;

import xyz.twzrd.ops.core.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code logs:} section of the configuration: which files to scan besides the PM2 apps' logs, which lines
 * count as errors, and the thresholds on the number of new error lines per scan.
 */
public class LogsConfig {
    /** Default patterns for Node.js services under PM2. */
    public static final List<LogPattern> DEFAULT_PATTERNS = List.of(
            LogPattern.literal("ERROR"),
            LogPattern.literal("FATAL"),
            LogPattern.literal("Unhandled"),
            LogPattern.literal("uncaught"),
            LogPattern.literal("Uncaught"),
            // "Error:" / "TypeError:" ... at the line start, after an optional PM2 --time or ISO-8601 prefix
            LogPattern.regex("^(?:\\d{4}-\\d\\d-\\d\\d[T ][0-9:.]+(?:Z|[+-]\\d\\d:?\\d\\d)?:? )?\\w*Error:", "Error:"));

    private List<LogPattern> patterns = new ArrayList<>(DEFAULT_PATTERNS);
    private List<String> paths = new ArrayList<>();
    private double alert = 0;
    private double emergency = 1000;
    private int maxExampleLength = 300;
    private int maxLineCheck = 64 * 1024;
    private int topSignatures = 10;
    private int maxSignatures = 1000;
    private boolean includeRotated = true;
    private boolean includeCompressed = true;
    private int threads = 0;

    public List<LogPattern> getPatterns() {
        return patterns;
    }

    public LogsConfig setPatterns(List<LogPattern> patterns) {
        this.patterns = new ArrayList<>(patterns);
        return this;
    }

    /** Extra files and globs to scan (absolute, or relative to the working folder). */
    public List<String> getPaths() {
        return paths;
    }

    public LogsConfig setPaths(List<String> paths) {
        this.paths = new ArrayList<>(paths);
        return this;
    }

    /** New error lines (all files of the scan together) above which the {@code logs} finding alerts (default 0: any new error). */
    public double getAlert() {
        return alert;
    }

    public LogsConfig setAlert(double alert) {
        this.alert = alert;
        return this;
    }

    /** New error lines (all files together) above which it is an emergency (default 1000). */
    public double getEmergency() {
        return emergency;
    }

    public LogsConfig setEmergency(double emergency) {
        this.emergency = emergency;
        return this;
    }

    /** Longest example line kept per signature, in characters (default 300). */
    public int getMaxExampleLength() {
        return maxExampleLength;
    }

    public LogsConfig setMaxExampleLength(int maxExampleLength) {
        this.maxExampleLength = maxExampleLength;
        return this;
    }

    /** How many bytes at the start of a line regexes and signatures see (default 64 KiB); literals see all. */
    public int getMaxLineCheck() {
        return maxLineCheck;
    }

    public LogsConfig setMaxLineCheck(int maxLineCheck) {
        this.maxLineCheck = maxLineCheck;
        return this;
    }

    /** How many signatures are listed per file (default 10). */
    public int getTopSignatures() {
        return topSignatures;
    }

    public LogsConfig setTopSignatures(int topSignatures) {
        this.topSignatures = topSignatures;
        return this;
    }

    /** How many distinct signatures are tracked per file before the rest are counted as one (default 1000). */
    public int getMaxSignatures() {
        return maxSignatures;
    }

    public LogsConfig setMaxSignatures(int maxSignatures) {
        this.maxSignatures = maxSignatures;
        return this;
    }

    /** Read a rotated {@code .1} / {@code .1.gz} file from the old offset after a rotation (default true). */
    public boolean isIncludeRotated() {
        return includeRotated;
    }

    public LogsConfig setIncludeRotated(boolean includeRotated) {
        this.includeRotated = includeRotated;
        return this;
    }

    /** Also look for a gzip-compressed rotated file {@code .1.gz} (default true). */
    public boolean isIncludeCompressed() {
        return includeCompressed;
    }

    public LogsConfig setIncludeCompressed(boolean includeCompressed) {
        this.includeCompressed = includeCompressed;
        return this;
    }

    /** Scanner threads; 0 means one per available processor (default). */
    public int getThreads() {
        return threads;
    }

    public LogsConfig setThreads(int threads) {
        this.threads = threads;
        return this;
    }

    /** Checks every value; the messages name the key below {@code key}. */
    public void validate(String key) throws ConfigException {
        if (patterns == null || patterns.isEmpty()) {
            throw new ConfigException(key + ".patterns", "needs at least one pattern");
        }
        for (int i = 0; i < patterns.size(); i++) {
            validatePattern(key + ".patterns[" + i + "]", patterns.get(i));
        }
        if (paths == null) {
            paths = new ArrayList<>();
        }
        if (Double.isNaN(alert) || alert < 0) {
            throw new ConfigException(key + ".alert", "must be a number of error lines, 0 or more, not " + alert);
        }
        if (Double.isNaN(emergency) || emergency < alert) {
            throw new ConfigException(key + ".emergency", "must not be below alert (" + alert + "), not " + emergency);
        }
        positive(key + ".max-example-length", maxExampleLength, 20, 100_000);
        positive(key + ".max-line-check", maxLineCheck, 256, 16 * 1024 * 1024);
        positive(key + ".top-signatures", topSignatures, 1, 10_000);
        positive(key + ".max-signatures", maxSignatures, 1, 1_000_000);
        positive(key + ".threads", threads, 0, 256);
    }

    private static void validatePattern(String key, LogPattern p) throws ConfigException {
        if (p == null || (p.getLiteral() == null) == (p.getRegex() == null)) {
            throw new ConfigException(key, "needs exactly one of 'literal' or 'regex'");
        }
        if (p.getLiteral() != null && p.getLiteral().isEmpty()) {
            throw new ConfigException(key + ".literal", "must not be empty");
        }
        if (p.getLiteral() != null && p.getRequire() != null) {
            throw new ConfigException(key + ".require", "only applies to a regex");
        }
        if (p.getRequire() != null && p.getRequire().isEmpty()) {
            throw new ConfigException(key + ".require", "must not be empty");
        }
        if (p.getRegex() != null) {
            try {
                Pattern.compile(p.getRegex());
            } catch (PatternSyntaxException e) {
                throw new ConfigException(key + ".regex", "not a valid regular expression: " + e.getDescription());
            }
        }
    }

    private static void positive(String key, int v, int min, int max) throws ConfigException {
        if (v < min || v > max) {
            throw new ConfigException(key, "must be from " + min + " to " + max + ", not " + v);
        }
    }
}
