package xyz.twzrd.ops.core.notify;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.CheckResult;
import xyz.twzrd.ops.core.Finding;
import xyz.twzrd.ops.core.Severity;
import xyz.twzrd.ops.core.alertstate.AlertOutcome;
import xyz.twzrd.ops.core.alertstate.AlertPolicy;
import xyz.twzrd.ops.core.alertstate.AlertTracker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's escaping rules for text built from data, and what each line tells the person paged. */
class SlackTextTest {
    @Test
    void escapesSlacksControlCharactersAndBroadcasts() {
        assertThat(SlackText.escape("<!here> & <!channel> <https://x|y>"))
                .isEqualTo("&lt;!here&gt; &amp; &lt;!channel&gt; &lt;https://x|y&gt;");
        assertThat(SlackText.escape("a&amp;b")).as("an & already escaped is escaped again: it is data")
                .isEqualTo("a&amp;amp;b");
        assertThat(SlackText.escape("ping @here and @Channel, not mail@hereford"))
                .isEqualTo("ping @\u2060here and @\u2060Channel, not mail@hereford");
        assertThat(SlackText.escape(null)).isEmpty();
    }

    @Test
    void hostAppAndFileNamesFromDataStayText() {
        CheckResult r = new CheckResult("health-check", "vps<!channel>", Instant.parse("2026-11-30T00:00:00Z"),
                Duration.ofMillis(1), List.of(
                new Finding("log:/var/log/<!here>.log", Severity.ALERT, 3.0, "lines", 0.0, null, "3 new error lines in /var/log/<!here>.log"),
                new Finding("process:a&b", Severity.ALERT, 1.0, "restarts", null, null, "a&b is errored")));
        SlackMessage m = SlackMessage.of(r, new AlertTracker(AlertPolicy.DEFAULT).next(AlertOutcome.EMPTY, r, Optional.empty()));
        String all = m.webhookPayload() + m.fullText();
        assertThat(all).doesNotContain("<!here>").doesNotContain("<!channel>").doesNotContain("a&b");
        assertThat(m.text()).isEqualTo("ALERT health-check on vps&lt;!channel&gt;: 2 new");
        assertThat(m.lines()).containsExactly(
                "NEW log:/var/log/&lt;!here&gt;.log ALERT: 3 new error lines in /var/log/&lt;!here&gt;.log [alert above 0 lines]"
                        + " Next: read the new error lines of /var/log/&lt;!here&gt;.log (listed in the report).",
                "NEW process:a&amp;b ALERT: a&amp;b is errored Next: see why with pm2 describe a&amp;b and pm2 logs a&amp;b"
                        + " --err --lines 100; once fixed, pm2 start a&amp;b (or pm2 restart a&amp;b).");
    }
}
