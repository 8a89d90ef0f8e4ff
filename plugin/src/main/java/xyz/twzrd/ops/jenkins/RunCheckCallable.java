package xyz.twzrd.ops.jenkins;

import jenkins.security.MasterToSlaveCallable;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.jobs.JobDispatcher;
import xyz.twzrd.ops.core.jobs.JobRequest;

import java.time.Clock;

/**
 * Runs one check on the agent that owns the step's workspace (locally there, or from there over SSH) and sends back
 * the result as JSON text: only a plain request goes in and a string comes out.
 */
final class RunCheckCallable extends MasterToSlaveCallable<String, RuntimeException> {
    private static final long serialVersionUID = 1L;

    private final JobRequest request;

    RunCheckCallable(JobRequest request) {
        this.request = request;
    }

    @Override
    public String call() {
        return Json.compact(new JobDispatcher(Clock.systemUTC()).run(request));
    }
}
