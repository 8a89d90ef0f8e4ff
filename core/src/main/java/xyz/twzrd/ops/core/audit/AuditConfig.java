package xyz.twzrd.ops.core.audit;

import xyz.twzrd.ops.core.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code audit:} section of the configuration: what the quarterly tuning audit expects. */
public class AuditConfig {
    /**
     * Names that look like secrets kept in plain configuration ({@code PWD} and {@code OLDPWD}, the shell's working
     * folder, are not).
     */
    public static final String DEFAULT_SECRET_NAMES =
            "(?i)(?!(OLD)?PWD$).*(secret|token|passw|pwd|api[_-]?key|private[_-]?key|credential|auth|webhook|dsn|database_url|mnemonic|seed).*";

    private int swappiness = 10;
    private double memoryLimitsMaxPercentOfRam = 90;
    private String secretNames = DEFAULT_SECRET_NAMES;
    private List<String> ownLogs = new ArrayList<>(List.of("/var/log/twzrd-ops/*.log"));
    private boolean checkUpdates = true;

    public int getSwappiness() {
        return swappiness;
    }

    public AuditConfig setSwappiness(int swappiness) {
        this.swappiness = swappiness;
        return this;
    }

    /** The sum of all apps' memory limits may use at most this share of RAM. */
    public double getMemoryLimitsMaxPercentOfRam() {
        return memoryLimitsMaxPercentOfRam;
    }

    public String getSecretNames() {
        return secretNames;
    }

    public Pattern secretNamePattern() {
        return Pattern.compile(secretNames);
    }

    /** The product's own log files, which need a logrotate rule too. */
    public List<String> getOwnLogs() {
        return ownLogs;
    }

    /** Whether to ask the package manager for pending updates ({@code apt-get -s upgrade} takes seconds). */
    public boolean isCheckUpdates() {
        return checkUpdates;
    }

    public AuditConfig setCheckUpdates(boolean checkUpdates) {
        this.checkUpdates = checkUpdates;
        return this;
    }

    public void validate(String key) throws ConfigException {
        if (swappiness < 0 || swappiness > 200) {
            throw new ConfigException(key + ".swappiness", "must be 0 to 200, not " + swappiness);
        }
        if (memoryLimitsMaxPercentOfRam <= 0 || memoryLimitsMaxPercentOfRam > 1000) {
            throw new ConfigException(key + ".memory-limits-max-percent-of-ram",
                    "must be above 0 and at most 1000, not " + memoryLimitsMaxPercentOfRam);
        }
        try {
            Pattern.compile(secretNames);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(key + ".secret-names", "not a valid regular expression: " + e.getDescription());
        }
    }
}
