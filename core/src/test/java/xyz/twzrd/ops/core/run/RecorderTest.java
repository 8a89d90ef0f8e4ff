package xyz.twzrd.ops.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Json;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.history.HistoryRecord;
import xyz.twzrd.ops.core.history.HistoryRetention;
import xyz.twzrd.ops.core.history.HistoryStore;
import xyz.twzrd.ops.core.notify.NotificationResult;
import xyz.twzrd.ops.core.notify.SlackMessage;

class RecorderTest {
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    Path dir;

    static CheckResult run(int hour, Severity swap) {
        return new CheckResult("alerts", "vps", T0.plus(Duration.ofHours(hour)), Duration.ofMillis(5),
                List.of(new Finding("swap", swap, 30.0, "%", 20.0, 80.0, "swap " + swap)));
    }

    @Test
    void notifiesOnlyOnChangeAndRecordsEveryRun() throws Exception {
        List<SlackMessage> sent = new ArrayList<>();
        Recorder.Notifier slack = m -> {
            sent.add(m);
            return new NotificationResult(NotificationResult.Status.SENT, 1, "");
        };
        Recorder rec = new Recorder(dir, AlertPolicy.DEFAULT, HistoryRetention.DEFAULT);
        CheckResult a = rec.record(run(0, Severity.ALERT), Optional.empty(), Optional.empty(), Optional.of(slack));
        CheckResult b = rec.record(run(1, Severity.ALERT), Optional.empty(), Optional.empty(), Optional.of(slack));
        rec.record(run(2, Severity.OK), Optional.empty(), Optional.empty(), Optional.of(slack));
        CheckResult c = rec.record(run(3, Severity.OK), Optional.empty(), Optional.empty(), Optional.of(slack));
        assertThat(sent).extracting(SlackMessage::text).containsExactly("ALERT alerts on vps: 1 new", "OK alerts on vps: 1 resolved");
        assertThat(a.section(NotificationResult.SECTION, NotificationResult.class).orElseThrow().status())
                .isEqualTo(NotificationResult.Status.SENT);
        NotificationResult quiet = b.section(NotificationResult.SECTION, NotificationResult.class).orElseThrow();
        assertThat(quiet).isEqualTo(NotificationResult.notNeeded("nothing changed"));
        assertThat(AlertOutcome.of(Json.readResult(Json.pretty(c))).orElseThrow().findings().get("swap").state().name())
                .isEqualTo("RESOLVED");
        assertThat(new HistoryStore(dir).readAll()).extracting(HistoryRecord::severity)
                .containsExactly(Severity.ALERT, Severity.ALERT, Severity.OK, Severity.OK);
        assertThat(c.getFindings()).hasSize(1);
    }

    @Test
    void aChangeWithoutWebhookIsReportedAndAFailureKeepsTheResult() throws Exception {
        Recorder rec = new Recorder(dir, AlertPolicy.DEFAULT, HistoryRetention.DEFAULT);
        CheckResult a = rec.record(run(0, Severity.ALERT), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(a.section(NotificationResult.SECTION, NotificationResult.class).orElseThrow().status())
                .isEqualTo(NotificationResult.Status.NOT_CONFIGURED);
        // the state folder becomes unwritable for the history: the result survives with an UNKNOWN finding
        Files.delete(dir.resolve(HistoryStore.FILE));
        Files.createDirectories(dir.resolve(HistoryStore.FILE));
        CheckResult b = rec.record(run(1, Severity.EMERGENCY), Optional.empty(), Optional.empty(),
                Optional.of(m -> new NotificationResult(NotificationResult.Status.FAILED, 3, "HTTP 500 from x/***")));
        assertThat(b.finding("history")).get().extracting(Finding::severity).isEqualTo(Severity.UNKNOWN);
        assertThat(b.finding("swap")).get().extracting(Finding::severity).isEqualTo(Severity.EMERGENCY);
        assertThat(b.section(NotificationResult.SECTION, NotificationResult.class).orElseThrow().reason()).isEqualTo("HTTP 500 from x/***");
        assertThat(AlertOutcome.of(b).orElseThrow().changes()).hasSize(1);
    }

    @Test
    void whenTheCallerKeepsTheStateNothingIsWrittenToTheStateFolder() throws Exception {
        Recorder rec = new Recorder(dir, AlertPolicy.DEFAULT, HistoryRetention.DEFAULT);
        CheckResult a = rec.record(run(0, Severity.ALERT), Optional.of(AlertOutcome.EMPTY), Optional.empty(), Optional.empty());
        AlertOutcome first = AlertOutcome.of(a).orElseThrow();
        assertThat(first.shouldNotify()).isTrue();
        CheckResult b = rec.record(run(1, Severity.ALERT), Optional.of(first), Optional.empty(), Optional.empty());
        assertThat(AlertOutcome.of(b).orElseThrow().shouldNotify()).as("the given previous state is used").isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
