package xyz.twzrd.ops.core.pm2;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.testkit.Fixtures;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parses output captured from real pm2 7.0.4 runs (see the fixtures folder). */
class JlistParserTest {
    @Test
    void fourAppsWithTheirStates() throws Exception {
        List<Pm2Process> apps = JlistParser.parse(Fixtures.text("pm2-fixtures/jlist-four-apps.json"));
        assertThat(apps).extracting(Pm2Process::name).containsExactly("web", "worker", "crasher", "broken");
        assertThat(apps).extracting(Pm2Process::status).containsExactly("online", "stopped", "online", "errored");
        Pm2Process web = apps.get(0);
        assertThat(web.pmId()).isZero();
        assertThat(web.online()).isTrue();
        assertThat(web.maxMemoryRestart()).isEqualTo(200L * 1024 * 1024);
        assertThat(web.memoryBytes()).isPositive();
        assertThat(web.uptimeSince()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(web.createdAt()).isNotNull();
        assertThat(web.outLogPath()).isEqualTo(Path.of("/tmp/t2-fx/logs/web-out.log"));
        assertThat(web.errLogPath()).isEqualTo(Path.of("/tmp/t2-fx/logs/web-error.log"));
        assertThat(web.envNames()).containsExactly("HOME", "PATH", "PM2_HOME", "PM2_USAGE", "PORT", "TWZRD_SECRET");
        assertThat(apps.get(1).maxMemoryRestart()).isNull();
        assertThat(apps.get(2).restarts()).isEqualTo(6);
        assertThat(apps.get(3).restarts()).isEqualTo(2);
        assertThat(apps).extracting(Pm2Process::execMode).containsOnly("fork_mode");
        assertThat(web.cluster()).isFalse();
    }

    @Test
    void environmentValuesNeverEnterTheModel() throws Exception {
        String raw = Fixtures.text("pm2-fixtures/jlist-four-apps.json");
        assertThat(raw).contains("hunter2-secret");
        assertThat(JlistParser.parse(raw).toString()).doesNotContain("hunter2-secret").doesNotContain("45679");
    }

    @Test
    void bannerOfAFreshHomeBeforeTheJson() throws Exception {
        String raw = Fixtures.text("pm2-fixtures/jlist-fresh-home.txt");
        assertThat(raw).contains("Spawning PM2 daemon").contains("[PM2]");
        assertThat(JlistParser.parse(raw)).isEmpty();
        String banner = raw.substring(0, raw.lastIndexOf('['));
        assertThat(JlistParser.parse(banner + Fixtures.text("pm2-fixtures/jlist-four-apps.json"))).hasSize(4);
        // a daemon older than the pm2 program warns around the JSON
        String warning = ">>>> In-memory PM2 is out-of-date, do:\n>>>> $ pm2 update\n";
        assertThat(JlistParser.parse(warning + "[]\n" + warning)).isEmpty();
    }

    @Test
    void badOutputGivesAClearReasonAndNeverQuotesTheInput() throws Exception {
        String raw = Fixtures.text("pm2-fixtures/jlist-four-apps.json");
        assertThatThrownBy(() -> JlistParser.parse("")).hasMessage("pm2 jlist printed nothing");
        assertThatThrownBy(() -> JlistParser.parse("  \n")).hasMessage("pm2 jlist printed nothing");
        assertThatThrownBy(() -> JlistParser.parse(raw.substring(0, raw.length() / 2)))
                .isInstanceOf(Pm2Exception.class).hasMessageStartingWith("pm2 jlist output is not valid JSON (truncated or malformed)")
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> JlistParser.parse("[PM2] Spawning PM2 daemon\nerror: connect ECONNREFUSED\n"))
                .hasMessageStartingWith("pm2 jlist printed no JSON list");
        assertThatThrownBy(() -> JlistParser.parse("[{\"TWZRD_SECRET\":\"hunter2\"}]"))
                .hasMessage("pm2 jlist entry 0 has no name or pm_id");
        assertThatThrownBy(() -> JlistParser.parse("{\"name\":\"web\"}\n")).hasMessageStartingWith("pm2 jlist printed no JSON list");
    }

    /** Shapes pm2 does not print but a hand-edited or other-version list might: read as JSON trees read them before. */
    @Test
    void unusualShapesReadAsBefore() throws Exception {
        String text = "[{\"name\":\"web\",\"pm_id\":3.0,\"pid\":\"123\",\"monit\":{\"memory\":\"2048\",\"cpu\":\"1.5\"},"
                + "\"pm2_env\":{\"status\":\"online\",\"restart_time\":\"7\",\"unstable_restarts\":true,\"pmx_module\":\"true\","
                + "\"max_memory_restart\":\" 1048576 \",\"pm_uptime\":-5,\"created_at\":1764460800000,\"status\":\"stopped\","
                + "\"env\":{\"A\":\"1\",\"B\":{\"x\":[1,2]},\"web\":\"{}\",\"unique_id\":\"u\",\"C\":null,\"A\":2}}},"
                + "{\"pm2_env\":{\"name\":\"api\",\"pm_id\":4,\"monit\":{}}}]\nIn-memory PM2 is out-of-date, do:\n$ pm2 update\n";
        List<Pm2Process> apps = JlistParser.parse(text);
        Pm2Process web = apps.get(0);
        assertThat(web.pmId()).isEqualTo(3);
        assertThat(web.pid()).isNull(); // a pid as text is not a pid
        assertThat(web.memoryBytes()).isEqualTo(2048);
        assertThat(web.cpuPercent()).isEqualTo(1.5);
        assertThat(web.status()).isEqualTo("stopped"); // a repeated key: the last one counts
        assertThat(web.restarts()).isEqualTo(7);
        assertThat(web.unstableRestarts()).isEqualTo(1);
        assertThat(web.module()).isTrue();
        assertThat(web.maxMemoryRestart()).isEqualTo(1048576L);
        assertThat(web.uptimeSince()).isNull();
        assertThat(web.createdAt()).isEqualTo(Instant.ofEpochMilli(1764460800000L));
        assertThat(web.envNames()).containsExactly("A", "C");
        assertThat(apps.get(1).name()).isEqualTo("api");
        assertThat(apps.get(1).pmId()).isEqualTo(4);
        assertThat(apps.get(1).status()).isEqualTo("unknown");
        assertThatThrownBy(() -> JlistParser.parse("[{\"name\":\"web\",\"pm_id\":0}, 7]"))
                .isInstanceOf(Pm2Exception.class).hasMessageContaining("entry 1 has no name or pm_id");
        assertThatThrownBy(() -> JlistParser.parse("[{\"name\":\"web\",\"pm_id\":0,\"pm2_env\":{\"env\":{\"TOKEN\":\"s3cr"))
                .isInstanceOf(Pm2Exception.class).hasMessageContaining("not valid JSON").hasMessageNotContaining("s3cr");
    }
}
