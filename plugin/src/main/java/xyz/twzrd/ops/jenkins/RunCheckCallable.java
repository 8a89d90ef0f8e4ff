package xyz.twzrd.ops.jenkins;

import jenkins.security.MasterToSlaveCallable;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.jobs.JobRequest;
import xyz.twzrd.ops.core.jobs.JobRunner;

import java.io.IOException;
import java.time.Clock;

/**
 * Runs one check on the agent that runs the step and returns its result as JSON (schema 1): only a string crosses
 * the channel back. The request carries the SSH key for remote targets; it is never logged.
 */
final class RunCheckCallable extends MasterToSlaveCallable<String, IOException> {
    private static final long serialVersionUID = 1L;

    private final JobRequest request;

    RunCheckCallable(JobRequest request) {
        this.request = request;
    }

    @Override
    public String call() throws IOException {
        return Json.compact(JobRunner.run(request, Clock.systemUTC()));
    }
}
