package xyz.twzrd.ops.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one check run on one host: the JSON result contract, schema 1.
 *
 * <p>Top level: {@code schema}, {@code check}, {@code host}, {@code startedAt} (ISO-8601 UTC),
 * {@code durationMs}, {@code severity} (the worst finding), {@code findings}. Later parts of the
 * product add named sections (for example {@code logs}, {@code processes}, {@code notification})
 * beside these; they extend the contract and never change the fields above.
 */
@JsonIgnoreProperties(value = {"severity", "summary"}, allowGetters = true)
@JsonPropertyOrder({"schema", "check", "host", "startedAt", "durationMs", "severity", "summary", "findings"})
public final class CheckResult {
    public static final int SCHEMA = 1;

    private final int schema;
    private final String check;
    private final String host;
    private final Instant startedAt;
    private final long durationMs;
    private final List<Finding> findings;
    private final Map<String, Object> sections = new LinkedHashMap<>();

    @JsonCreator
    public CheckResult(@JsonProperty("schema") Integer schema,
                       @JsonProperty("check") String check,
                       @JsonProperty("host") String host,
                       @JsonProperty("startedAt") Instant startedAt,
                       @JsonProperty("durationMs") long durationMs,
                       @JsonProperty("findings") List<Finding> findings) {
        this.schema = schema == null ? SCHEMA : schema;
        this.check = Objects.requireNonNull(check, "check");
        this.host = host == null ? "" : host;
        this.startedAt = startedAt == null ? Instant.EPOCH : startedAt.truncatedTo(ChronoUnit.MILLIS);
        this.durationMs = durationMs;
        this.findings = List.copyOf(findings == null ? List.of() : findings);
    }

    public CheckResult(String check, String host, Instant startedAt, Duration duration, List<Finding> findings) {
        this(SCHEMA, check, host, startedAt, duration.toMillis(), findings);
    }

    public int getSchema() {
        return schema;
    }

    public String getCheck() {
        return check;
    }

    public String getHost() {
        return host;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public long getDurationMs() {
        return durationMs;
    }

    /** The worst severity among the findings; OK when there are none. */
    public Severity getSeverity() {
        return Severity.worst(findings.stream().map(Finding::severity).toList());
    }

    /** One line: severity, check, host and the non-OK finding ids (or "all checks OK"). */
    public String getSummary() {
        List<String> bad = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() != Severity.OK) {
                bad.add(f.id() + " " + f.severity());
            }
        }
        String what = bad.isEmpty() ? "all " + findings.size() + " findings OK" : String.join(", ", bad);
        return getSeverity() + " " + check + " on " + host + ": " + what;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    /** Finding by id, if present. */
    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Extension sections (serialised beside the schema-1 fields). */
    @JsonAnyGetter
    public Map<String, Object> getSections() {
        return sections;
    }

    @JsonAnySetter
    public void putSection(String name, Object value) {
        if (value != null) {
            sections.put(name, value);
        }
    }

    /** Reads a section back as the given type (sections read from JSON arrive as trees). */
    public <T> Optional<T> section(String name, Class<T> type) {
        Object v = sections.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (type.isInstance(v)) {
            return Optional.of(type.cast(v)); // put by this run: no conversion
        }
        return Optional.of(Json.mapper().convertValue(v, type));
    }

    /** A copy with extra findings appended. */
    @JsonIgnore
    public CheckResult withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        CheckResult r = new CheckResult(schema, check, host, startedAt, durationMs, all);
        r.sections.putAll(sections);
        return r;
    }
}
