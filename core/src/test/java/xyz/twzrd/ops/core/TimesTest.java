package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {
    private static final Instant NANOS = Instant.parse("2026-12-01T09:40:18.123456789Z");

    @Test
    void messagesGetWholeSecondsInUtc() {
        assertThat(Times.seconds(NANOS)).isEqualTo("2026-12-01T09:40:18Z");
        assertThat(Times.seconds(Instant.parse("2026-12-01T09:40:00Z"))).isEqualTo("2026-12-01T09:40:00Z");
        assertThat(Times.seconds(null)).isEqualTo("unknown");
    }

    @Test
    void pagesGetAReadableUtcTime() {
        assertThat(Times.readable(NANOS)).isEqualTo("2026-12-01 09:40:18 UTC");
        assertThat(Times.readable(null)).isEqualTo("unknown");
    }
}
