package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTest {
    @Test
    void gradeIsStrictlyAbove() {
        assertThat(Finding.grade(20.0, 20.0, 80.0)).isEqualTo(Severity.OK);
        assertThat(Finding.grade(20.01, 20.0, 80.0)).isEqualTo(Severity.ALERT);
        assertThat(Finding.grade(80.0, 20.0, 80.0)).isEqualTo(Severity.ALERT);
        assertThat(Finding.grade(80.5, 20.0, 80.0)).isEqualTo(Severity.EMERGENCY);
        assertThat(Finding.grade(1000, null, null)).isEqualTo(Severity.OK);
    }

    @Test
    void unknownCarriesTheReason() {
        Finding f = Finding.unknown("swap", "cannot read /proc/meminfo");
        assertThat(f.severity()).isEqualTo(Severity.UNKNOWN);
        assertThat(f.value()).isNull();
        assertThat(f.message()).isEqualTo("cannot read /proc/meminfo");
    }

    @Test
    void detailsAreCopiedNotShared() {
        Finding f = new Finding("x", Severity.OK, 1.0, "", null, null, "m").withDetail("a", 1);
        Finding g = f.withDetail("b", 2);
        assertThat(f.details()).containsOnlyKeys("a");
        assertThat(g.details()).containsOnlyKeys("a", "b");
    }
}
