package xyz.twzrd.ops.core.logs;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {
    @Test
    void idsNumbersAndTimesDoNotSplitOneError() {
        String a = Signatures.of("2026-11-30T01:00:00: ERROR job 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed after 5000ms at 10:15:01.123");
        String b = Signatures.of("2026-11-30T02:13:59: ERROR job 7c9e6679-7425-40de-944b-e07fc1f90ae7 failed after 12ms at 23:59:59.001");
        assertThat(a).isEqualTo(b).isEqualTo("ERROR job <uuid> failed after <n>ms at <ts>");
    }

    @Test
    void hexIdsAndAddresses() {
        assertThat(Signatures.of("FATAL heap at 0x7ffd5e8c failed for object 507f1f77bcf86cd799439011"))
                .isEqualTo("FATAL heap at <hex> failed for object <hex>");
        assertThat(Signatures.of("Error: connect ECONNREFUSED 127.0.0.1:6379"))
                .isEqualTo("Error: connect ECONNREFUSED <n>.<n>.<n>.<n>:<n>");
        assertThat(Signatures.of("deadbeef is a word, ERROR stays, abcdefgh too"))
                .as("letters only, or inside a word, are kept").isEqualTo("deadbeef is a word, ERROR stays, abcdefgh too");
    }

    @Test
    void isoTimestampsAnywhereAndLeadingOnesDropped() {
        assertThat(Signatures.of("2026-11-30T01:00:00.123+02:00 [api] ERROR at 2026-11-29 23:00:00Z"))
                .isEqualTo("[api] ERROR at <ts>");
        assertThat(Signatures.of("   ERROR\t\ttabs   and  spaces  ")).isEqualTo("ERROR tabs and spaces");
    }

    @Test
    void controlCharactersAndLengthAreBounded() {
        String s = Signatures.of("ERROR \u0000\u001b[31mred" + "x".repeat(5000));
        assertThat(s).hasSize(Signatures.MAX_SIGNATURE).doesNotContain("\u0000", "\u001b").contains("\uFFFD");
        assertThat(Signatures.example("ERROR \u0007bell " + "y".repeat(500), 50)).hasSize(50).endsWith("…").doesNotContain("\u0007");
    }

    @Test
    void lineTimeFromPm2PrefixOrIso() {
        assertThat(Signatures.lineTime("2026-11-30T01:02:03: ERROR x")).isEqualTo(Instant.parse("2026-11-30T01:02:03Z"));
        assertThat(Signatures.lineTime("2026-11-30T01:02:03.5+01:00 ERROR x")).isEqualTo(Instant.parse("2026-11-30T00:02:03.5Z"));
        assertThat(Signatures.lineTime("2026-11-30 01:02:03,250 ERROR x")).isEqualTo(Instant.parse("2026-11-30T01:02:03.25Z"));
        assertThat(Signatures.lineTime("ERROR 2026-11-30T01:02:03Z")).isNull();
        assertThat(Signatures.lineTime("2026-13-45T99:00:00: ERROR")).as("impossible date").isNull();
        assertThat(Signatures.lineTime("")).isNull();
    }
}
