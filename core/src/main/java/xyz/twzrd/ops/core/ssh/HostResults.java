package xyz.twzrd.ops.core.ssh;

import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Severity;

import java.util.List;

/**
 * The JSON of one check on several hosts: {@code {"severity": <worst>, "results": [<schema-1 result>, ...]}}.
 *
 * @param severity the worst severity of all results
 * @param results  one result per host, in the order the hosts were given
 */
public record HostResults(Severity severity, List<CheckResult> results) {
    public HostResults {
        results = List.copyOf(results);
    }

    public static HostResults of(List<CheckResult> results) {
        return new HostResults(RemoteChecks.worst(results), results);
    }
}
