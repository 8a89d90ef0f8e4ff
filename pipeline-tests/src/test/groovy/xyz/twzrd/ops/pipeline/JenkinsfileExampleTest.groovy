package xyz.twzrd.ops.pipeline

import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.Arguments
import org.junit.jupiter.params.provider.MethodSource
import xyz.twzrd.ops.core.Severity
import xyz.twzrd.ops.core.schedule.Schedule

import java.nio.file.Files
import java.nio.file.Paths
import java.time.ZoneOffset
import java.util.stream.Stream

import static org.assertj.core.api.Assertions.assertThat

/**
 * {@code Jenkinsfile.example}, the three scheduled jobs, run as builds: each with every severity the step can return,
 * notifying or not. Slack is called only when the step says so, with the step's colour and message and a link to the
 * build or to the reports the step archived; the build result is the step's; the crons are the runner's schedule in
 * UTC; and the file keeps Declarative's shape (Groovy code only inside {@code script { }}).
 */
class JenkinsfileExampleTest extends DeclarativeExampleTestBase {
    /** The scheduled jobs, by the twzrd step each runs. */
    public static final List<String> JOBS = ['twzrdAlerts', 'twzrdHealthCheck', 'pm2Restart']

    @BeforeEach
    void load() {
        loadExample()
    }

    static Stream<Arguments> jobsSeveritiesAndNotify() {
        List<Arguments> all = []
        JOBS.each { String step ->
            Severity.values().each { Severity s ->
                [true, false].each { boolean notify -> all << Arguments.of(step, s, notify) }
            }
        }
        return all.stream()
    }

    static Stream<Arguments> jobs() {
        return JOBS.collect { Arguments.of(it) }.stream()
    }

    @Test
    void holdsOneJobPerScheduledCheckAndRunsNothingWhileLoading() {
        assertThat(pipelines).as('pipeline { } blocks in %s', EXAMPLE).hasSize(JOBS.size())
        assertThat(stepCalls).as('steps run while the file loads').isEmpty()
        assertThat(slack).isEmpty()
        List<String> ran = (0..<pipelines.size()).collect { int i -> stepsOf(i) }.flatten()
        assertThat(ran).as('the twzrd step of each pipeline, in order').containsExactlyElementsOf(JOBS)
    }

    @ParameterizedTest(name = '{0} returning {1}, notify={2}')
    @MethodSource('jobsSeveritiesAndNotify')
    void slackOnlyWhenTheStepSaysSoWithItsColourAndTheBuildMarkedByTheStep(String step, Severity severity, boolean notify) {
        Map<String, Object> r = summary(STEP_CHECKS[step], severity, notify)
        results[step] = r

        runPipeline(jobIndex(step))

        assertThat(stepCalls*.step).containsExactly(step)
        if (notify) {
            assertThat(slack).as('slackSend calls').hasSize(1)
            Map<String, String> sent = slack[0]
            assertThat(sent.color).as('colour').isEqualTo(r.color).isEqualTo(severity.slackColor())
            assertThat(sent.message).as('message').startsWith(r.message as String)
            assertThat(links(sent.message)).as('links in the message').isNotEmpty()
            links(sent.message).each { String link -> assertPointsIntoThisBuild(link) }
        } else {
            assertThat(slack).as('slackSend calls when the step says not to notify').isEmpty()
        }
        String expected = [OK: 'SUCCESS', ALERT: 'UNSTABLE', EMERGENCY: 'FAILURE', UNKNOWN: 'FAILURE'][severity.name()]
        assertThat(buildResult()).as('build result (the step marks it; the pipeline must not change it)')
                .isEqualTo(expected)
    }

    @Test
    void healthCheckNotificationLinksToTheReportsTheStepArchived() {
        results.twzrdHealthCheck = summary('health-check', Severity.ALERT, true)

        runPipeline(jobIndex('twzrdHealthCheck'))

        assertThat(artifacts).as('archived reports').containsExactly(
                'twzrd-ops-reports/health-check/health-report-2026-12-07.html',
                'twzrd-ops-reports/health-check/health-report-2026-12-07.json',
                'twzrd-ops-reports/health-check/health-report-2026-12-07.txt')
        String link = links(slack[0].message).find { it.contains('/artifact/') }
        assertThat(link).as('a link to the archived reports in %s', slack[0].message).isNotNull()
        String path = link.substring((BUILD_URL + 'artifact/').length())
        assertThat(artifacts.findAll { it.startsWith(path) }).as('reports under %s', link).hasSize(3)
    }

    @Test
    void reportPathsNamedInTheExampleAreWhereTheStepsArchive() {
        results.putAll(JOBS.collectEntries { [(it): summary(STEP_CHECKS[it], Severity.OK, false)] })
        (0..<pipelines.size()).each { runPipeline(it) }
        List<String> named = Files.readAllLines(REPO.resolve(EXAMPLE))
                .collectMany { (it =~ /twzrd-ops-reports\/[^\s'"]+/).collect { m -> (m as String).replaceAll(/[,.;:)]+$/, '') } }
        assertThat(named).as('report paths named in %s', EXAMPLE).isNotEmpty()
        named.each { String p ->
            List<String> expanded = p.contains('{') ? expandBraces(p) : [p]
            expanded.each { String one ->
                String regex = one.replace('.', '\\.').replace('YYYY-MM-DD', '\\d{4}-\\d{2}-\\d{2}')
                assertThat(artifacts.any { it ==~ /${regex}.*/ })
                        .as('%s named in %s matches an archived report of %s', one, EXAMPLE, artifacts).isTrue()
            }
        }
    }

    @ParameterizedTest(name = '{0}')
    @MethodSource('jobs')
    void cronIsTheRunnersScheduleInUtc(String step) {
        results[step] = summary(STEP_CHECKS[step], Severity.OK, false)
        runPipeline(jobIndex(step))

        assertThat(declared.crons).as('cron triggers').hasSize(1)
        List<String> lines = declared.crons[0].readLines()
        assertThat(lines).as('cron spec %s', declared.crons[0]).hasSize(2)
        assertThat(lines[0]).as('time zone line').isEqualTo('TZ=UTC')
        List<String> jenkins = lines[1].trim().split(/\s+/) as List
        List<String> runner = scheduleFields(STEP_CHECKS[step])
        assertThat(jenkins).as('fields of %s', lines[1]).hasSize(5)
        if (runner[1] == '*') {
            // hourly: Jenkins may spread the minute (H); hour, day and month are the schedule's
            assertThat(jenkins[0]).isIn(runner[0], 'H')
            assertThat(jenkins.subList(1, 5)).isEqualTo(runner.subList(1, 5))
        } else {
            // Monday 00:00 and Friday 01:00 UTC are exact times on purpose, not H
            assertThat(jenkins).isEqualTo(runner)
        }
    }

    @ParameterizedTest(name = '{0}')
    @MethodSource('jobs')
    void runsOnTheVpsAgentInOneStage(String step) {
        results[step] = summary(STEP_CHECKS[step], Severity.OK, false)
        runPipeline(jobIndex(step))
        assertThat(declared.agentLabel).as('agent label').isEqualTo('vps1')
        assertThat(declared.stages).as('stages').hasSize(1)
    }

    @Test
    void weeklyHealthCheckNamesNoLogFileTheHostMayLack() {
        results.twzrdHealthCheck = summary('health-check', Severity.OK, false)
        runPipeline(jobIndex('twzrdHealthCheck'))
        // a listed file that is missing is an UNKNOWN finding (the build fails); a glob that matches nothing adds nothing
        String logs = stepCalls[0].args.logs ?: ''
        logs.readLines()*.trim().findAll { it }.each { String entry ->
            assertThat(entry).as('logs entry %s: a glob, not a fixed file', entry).containsAnyOf('*', '?', '[')
        }
    }

    @Test
    void keepsDeclarativesShape() {
        assertThat(DeclarativeShape.problems(new String(Files.readAllBytes(REPO.resolve(EXAMPLE)), 'UTF-8')))
                .as('Declarative problems in %s', EXAMPLE).isEmpty()
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** The index of the pipeline that runs the step. */
    int jobIndex(String step) {
        int found = (0..<pipelines.size()).findIndexOf { int i -> stepsOf(i) == [step] }
        assertThat(found).as('a pipeline that runs %s', step).isNotNegative()
        return found
    }

    /** The twzrd steps a pipeline runs (in a dry run whose effects are then forgotten). */
    protected List<String> stepsOf(int i) {
        Map<String, Map<String, Object>> given = new LinkedHashMap<>(results)
        results.putAll(JOBS.collectEntries { [(it): summary(STEP_CHECKS[it], Severity.OK, false)] })
        runPipeline(i)
        List<String> steps = stepCalls*.step
        stepCalls.clear()
        slack.clear()
        artifacts.clear()
        workspace.resolve(REPORT_DIR).toFile().deleteDir()
        updateBuildStatus('SUCCESS')
        results.clear()
        results.putAll(given)
        return steps
    }

    protected static List<String> links(String message) {
        return (message =~ /https?:\/\/\S+/).collect { it as String }
    }

    /** A link is this build's page or an archived file or folder of this build. */
    protected void assertPointsIntoThisBuild(String link) {
        assertThat(link).as('link').startsWith(BUILD_URL)
        String rest = link.substring(BUILD_URL.length())
        if (rest.isEmpty()) {
            return
        }
        assertThat(rest).as('link below the build %s', link).startsWith('artifact/')
        String path = rest.substring('artifact/'.length())
        assertThat(artifacts.any { it == path || (path.endsWith('/') && it.startsWith(path)) })
                .as('%s is an archived report or the folder of some (archived: %s)', link, artifacts).isTrue()
    }

    /** minute, hour, day of month, month, day of week of the runner's UTC crontab line for the job. */
    protected static List<String> scheduleFields(String job) {
        Schedule schedule = new Schedule(Paths.get('/opt/twzrd-ops/twzrd-ops'), Paths.get('/var/lib/twzrd-ops/state'),
                Paths.get('/var/lib/twzrd-ops/reports'), Paths.get('/var/log/twzrd-ops'), null, ZoneOffset.UTC)
        // five time fields, then the environment the line sets (LC_ALL=..., PATH=...), the launcher and the command
        String line = schedule.cronBlock().readLines().find { String l ->
            List<String> command = (l.split(/\s+/) as List).drop(5).dropWhile { String t -> t.contains('=') }
            !l.startsWith('#') && command.size() > 1 && command[1] == job
        }
        assertThat(line).as('runner schedule line of %s in %s', job, schedule.cronBlock()).isNotNull()
        return (line.split(/\s+/) as List).subList(0, 5)
    }

    /** a/b-{x,y} → [a/b-x, a/b-y] (one brace group). */
    protected static List<String> expandBraces(String p) {
        def m = p =~ /^(.*)\{([^}]*)\}(.*)$/
        assertThat(m.matches()).as('one {…} group in %s', p).isTrue()
        return m.group(2).split(',').collect { m.group(1) + it + m.group(3) }
    }
}
