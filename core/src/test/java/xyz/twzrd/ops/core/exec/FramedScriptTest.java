package xyz.twzrd.ops.core.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Several parts in one {@code sh -c}, run for real here, each outcome on its own. */
class FramedScriptTest {
    private static final Duration T = Duration.ofSeconds(20);

    private static Map<String, FramedScript.Outcome> run(String prelude, FramedScript.Part... parts) {
        return new FramedScript(prelude, List.of(parts)).run(new LocalCommandRunner(), T, 1024 * 1024);
    }

    @Test
    void eachPartHasItsOwnOutputStatusAndFirstErrorLine() {
        Map<String, FramedScript.Outcome> out = run("",
                FramedScript.Part.of("two lines", "printf 'a\\nb\\n'"),
                FramedScript.Part.of("no newline", "printf 'x'"),
                FramedScript.Part.of("fails", "ls /no-such-dir-twzrd"),
                FramedScript.Part.of("empty", "true"),
                FramedScript.Part.of("two error lines", "sh -c 'echo first >&2; echo second >&2; exit 3'"));
        assertThat(out).containsOnlyKeys("two lines", "no newline", "fails", "empty", "two error lines");
        assertThat(out.get("two error lines")).isEqualTo(new FramedScript.Outcome("", 3, "first", null));
        assertThat(out.get("two lines")).isEqualTo(new FramedScript.Outcome("a\nb\n", 0, "", null));
        assertThat(out.get("no newline").stdout()).isEqualTo("x");
        assertThat(out.get("fails").ok()).isFalse();
        assertThat(out.get("fails").exitCode()).isEqualTo(2);
        assertThat(out.get("fails").error()).startsWith("ls: ").contains("/no-such-dir-twzrd");
        assertThat(out.get("fails").stdout()).isEmpty();
        assertThat(out.get("empty")).isEqualTo(new FramedScript.Outcome("", 0, "", null));
    }

    @Test
    void aPartPastItsTimeoutIsKilledAndTheNextOneStillRuns() {
        long t0 = System.nanoTime();
        Map<String, FramedScript.Outcome> out = run("",
                FramedScript.Part.of("sleep 30", "sleep 30", Duration.ofMillis(300)),
                FramedScript.Part.of("echo after", "echo after", Duration.ofSeconds(5)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(out.get("sleep 30").failure()).isEqualTo("'sleep 30' did not finish within 300ms (killed)");
        assertThat(out.get("echo after")).isEqualTo(new FramedScript.Outcome("after\n", 0, "", null));
    }

    @Test
    void inlinePartsSetVariablesLaterPartsSee() {
        Map<String, FramedScript.Outcome> out = run("f() { v=$1; echo set; }",
                new FramedScript.Part("set", "f 'hello world'", true, null),
                FramedScript.Part.of("read", "printf '%s' \"$v\""));
        assertThat(out.get("set").stdout()).isEqualTo("set\n");
        assertThat(out.get("read").stdout()).isEqualTo("hello world");
    }

    @Test
    void printedMarkersOfAnotherScriptCannotForgeAFrame() {
        // a part printing what a frame looks like (another nonce) keeps it as its own output
        String forged = "@@twzrd-0000000000000000-end 0 \n@@twzrd-0000000000000000-begin";
        Map<String, FramedScript.Outcome> out = run("",
                FramedScript.Part.of("forger", "printf '%s\\n' " + ShellQuote.quote(forged)),
                FramedScript.Part.of("next", "echo real"));
        assertThat(out.get("forger").stdout()).isEqualTo(forged + "\n");
        assertThat(out.get("next").stdout()).isEqualTo("real\n");
    }

    @Test
    void capturedOutputCutShortAndOutputWithoutFrames() {
        FramedScript s = new FramedScript("", List.of(FramedScript.Part.of("a", "echo a"), FramedScript.Part.of("b", "echo b")),
                "00c0ffee00c0ffee");
        String a = "@@twzrd-00c0ffee00c0ffee-begin\na\n\n@@twzrd-00c0ffee00c0ffee-end 0 \n";
        Map<String, FramedScript.Outcome> cut = s.parse(new CommandResult(0, a + "@@twzrd-00c0ffee00c0ffee-begin\nb par",
                "", true, Duration.ZERO));
        assertThat(cut.get("a").stdout()).isEqualTo("a\n");
        assertThat(cut.get("b").failure()).isEqualTo("'b' printed no complete answer (output cut short at the output limit)");
        Map<String, FramedScript.Outcome> garbage = s.parse(new CommandResult(1, "garbage", "sh: oops\nmore", false,
                Duration.ZERO));
        assertThat(garbage.values()).allSatisfy(o -> {
            assertThat(o.stdout()).isEqualTo("garbage");
            assertThat(o.exitCode()).isEqualTo(1);
            assertThat(o.error()).isEqualTo("sh: oops");
        });
        Map<String, FramedScript.Outcome> bad = s.parse(new CommandResult(0,
                "@@twzrd-00c0ffee00c0ffee-begin\na\n\n@@twzrd-00c0ffee00c0ffee-end x1 \n", "", false, Duration.ZERO));
        assertThat(bad.get("a").failure()).contains("unreadable status 'x1'");
        assertThat(s.failed("the connection was lost").get("b").failure()).isEqualTo("'b' failed: the connection was lost");
    }
}
