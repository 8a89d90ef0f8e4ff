package xyz.twzrd.ops.pipeline

import com.lesfurets.jenkins.unit.BasePipelineTest
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import xyz.twzrd.ops.core.CheckResult
import xyz.twzrd.ops.core.Finding
import xyz.twzrd.ops.core.Severity
import xyz.twzrd.ops.core.alertstate.AlertOutcome
import xyz.twzrd.ops.core.run.RunOutcome
import xyz.twzrd.ops.core.run.StepSummary
import xyz.twzrd.ops.core.report.ReportSet

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.Duration
import java.time.Instant

/**
 * Runs the pipelines of {@code Jenkinsfile.example} (repository root) under JenkinsPipelineUnit 1.1.
 *
 * <p>JenkinsPipelineUnit 1.1 (the newest release on Maven Central) has no declarative mode, so the Declarative
 * keywords the example uses are registered here with Declarative's meaning: {@code pipeline} blocks are collected when
 * the file loads and run one at a time; {@code agent}, {@code triggers}, {@code options} record what they declare;
 * {@code stages}, {@code stage}, {@code steps} and {@code script} run their bodies in order. Any other method the
 * example calls is not allowed and fails the test (JenkinsPipelineUnit's MissingMethodException).
 *
 * <p>The twzrd steps are replaced by doubles that do what the real steps do with a given result: return the map of
 * {@link StepSummary#of} (core, the same code the plugin returns), write the real dated report set
 * ({@link ReportSet#write}) into the step's report folder of the workspace and archive it, and mark the build as the
 * default outcome policy does (ALERT UNSTABLE, EMERGENCY and UNKNOWN FAILURE; a result never gets better).
 * {@code slackSend} is recorded.
 */
abstract class DeclarativeExampleTestBase extends BasePipelineTest {
    public static final Path REPO = Paths.get(System.getProperty('twzrd.repo', '..')).toAbsolutePath().normalize()
    public static final String EXAMPLE = 'Jenkinsfile.example'
    /** The plugin's workspace folder of a build's reports (TwzrdExecution.REPORT_DIR, docs/jenkins-steps.md). */
    public static final String REPORT_DIR = 'twzrd-ops-reports'
    public static final String BUILD_URL = 'https://jenkins.example.org/job/ops/job/twzrd/42/'
    public static final Instant STARTED = Instant.parse('2026-12-07T00:00:03Z')

    /** The step → the check it runs (core's *Job.CHECK). */
    public static final Map<String, String> STEP_CHECKS = [
            twzrdAlerts     : 'alerts',
            twzrdHealthCheck: 'health-check',
            pm2Restart      : 'pm2-restart',
            twzrdTuningAudit: 'audit',
    ]

    /** Every {@code pipeline { }} block of the file, in order, collected when the file loads. */
    final List<Closure> pipelines = []
    /** What the pipeline being run declared. */
    Declared declared
    /** Each twzrd step call: [step: name, args: map]. */
    final List<Map> stepCalls = []
    /** Each slackSend call's arguments, as strings. */
    final List<Map<String, String>> slack = []
    /** Archived artifact paths, relative to the build's artifact root. */
    final List<String> artifacts = []
    /** What each twzrd step returns in this test: step name → summary map. */
    final Map<String, Map<String, Object>> results = [:]
    Path workspace

    static class Declared {
        String agentLabel
        final List<String> crons = []
        final List<String> options = []
        final List<String> stages = []
        Map logRotator
    }

    @BeforeEach
    void setUpPipeline() {
        baseScriptRoot = REPO.toString()
        scriptRoots = [REPO.toString()] as String[]
        scriptExtension = 'example'
        imports = [:] // JenkinsPipelineUnit's default @NonCPS import needs groovy-cps, which the example does not use
        super.setUp()
        workspace = Files.createTempDirectory('twzrd-pipeline-ws-')
        binding.setVariable('env', [BUILD_URL: BUILD_URL, JOB_NAME: 'ops/twzrd', BUILD_NUMBER: '42'])
        registerDeclarative()
        registerTwzrdSteps()
        helper.registerAllowedMethod('slackSend', [Map], { Map m ->
            slack << m.collectEntries { k, v -> [(k as String): v?.toString()] }
        })
    }

    @AfterEach
    void deleteWorkspace() {
        if (workspace != null) {
            workspace.toFile().deleteDir()
        }
    }

    protected void registerDeclarative() {
        helper.registerAllowedMethod('pipeline', [Closure], { Closure body -> pipelines << body; null })
        helper.registerAllowedMethod('agent', [Closure], { Closure body -> body.call() })
        helper.registerAllowedMethod('label', [String], { String l -> declared.agentLabel = l })
        helper.registerAllowedMethod('triggers', [Closure], { Closure body -> body.call() })
        helper.registerAllowedMethod('cron', [String], { String spec -> declared.crons << spec })
        helper.registerAllowedMethod('options', [Closure], { Closure body -> body.call() })
        helper.registerAllowedMethod('logRotator', [Map], { Map m -> declared.logRotator = m; m })
        helper.registerAllowedMethod('buildDiscarder', [Object], { Object o -> declared.options << 'buildDiscarder' })
        helper.registerAllowedMethod('disableConcurrentBuilds', [], { -> declared.options << 'disableConcurrentBuilds' })
        helper.registerAllowedMethod('stages', [Closure], { Closure body -> body.call() })
        helper.registerAllowedMethod('stage', [String, Closure], { String name, Closure body ->
            declared.stages << name
            body.call()
        })
        helper.registerAllowedMethod('steps', [Closure], { Closure body -> body.call() })
        helper.registerAllowedMethod('script', [Closure], { Closure body -> body.call() })
    }

    protected void registerTwzrdSteps() {
        STEP_CHECKS.each { String step, String check ->
            Closure impl = { Map args -> runStep(step, check, args ?: [:]) }
            helper.registerAllowedMethod(step, [Map], impl)
            helper.registerAllowedMethod(step, [], { -> runStep(step, check, [:]) })
        }
    }

    protected Map<String, Object> runStep(String step, String check, Map args) {
        stepCalls << [step: step, args: args]
        Map<String, Object> r = results[step]
        if (r == null) {
            throw new AssertionError("the example called $step, which this test gave no result")
        }
        // what the plugin does: the check writes its report set into the workspace, the step archives that folder
        Path dir = workspace.resolve(REPORT_DIR).resolve(check)
        ReportSet.write(dir, checkResult(check, Severity.valueOf(r.severity as String)))
        dir.toFile().listFiles().sort { it.name }.each { artifacts << "$REPORT_DIR/$check/${it.name}".toString() }
        String mark = [ALERT: 'UNSTABLE', EMERGENCY: 'FAILURE', UNKNOWN: 'FAILURE'][r.severity]
        if (mark != null) {
            worsenBuild(mark)
        }
        return r
    }

    protected void worsenBuild(String result) {
        List<String> order = ['SUCCESS', 'UNSTABLE', 'FAILURE']
        String now = binding.getVariable('currentBuild').result ?: 'SUCCESS'
        if (order.indexOf(result) > order.indexOf(now)) {
            updateBuildStatus(result)
        }
    }

    /** A result of the given severity for a check, with an OK finding beside the one that decides it. */
    static CheckResult checkResult(String check, Severity severity) {
        List<Finding> findings = [new Finding('load', Severity.OK, 0.4d, 'load', 8d, 12d, 'load 0.40 (5 min)')]
        switch (severity) {
            case Severity.OK:
                findings << new Finding('swap', Severity.OK, 3d, '%', 20d, 50d, 'swap 3%')
                break
            case Severity.UNKNOWN:
                findings << Finding.unknown('pm2', 'pm2 did not answer within 30s')
                break
            default:
                findings << new Finding('swap', severity, severity == Severity.ALERT ? 31d : 72d, '%', 20d, 50d,
                        "swap ${severity == Severity.ALERT ? 31 : 72}% (alert above 20%)".toString())
        }
        return new CheckResult(check, 'vps1', STARTED, Duration.ofSeconds(2), findings)
    }

    /** The map a twzrd step returns for that result: core's StepSummary, as the plugin builds it. */
    static Map<String, Object> summary(String check, Severity severity, boolean notify) {
        CheckResult r = checkResult(check, severity)
        String message = notify ? "NEW: ${r.summary}".toString() : ''
        r.putSection(AlertOutcome.SECTION, new AlertOutcome([:], notify, [], [], message))
        return StepSummary.of(new RunOutcome(r, [], [], false))
    }

    /** Loads the example: collects its pipelines, runs none of them. */
    void loadExample() {
        runScript(loadScript(EXAMPLE))
    }

    /** Runs one pipeline block of the example as a build of its job. */
    void runPipeline(int index) {
        declared = new Declared()
        helper.callClosure(pipelines[index])
    }

    String buildResult() {
        return binding.getVariable('currentBuild').result
    }
}
