package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityTest {
    @Test
    void exitCodesFollowMonitoringPlugins() {
        assertThat(Severity.OK.exitCode()).isZero();
        assertThat(Severity.ALERT.exitCode()).isEqualTo(1);
        assertThat(Severity.EMERGENCY.exitCode()).isEqualTo(2);
        assertThat(Severity.UNKNOWN.exitCode()).isEqualTo(3);
    }

    @Test
    void worstOrdersOkAlertUnknownEmergency() {
        assertThat(Severity.worst(List.of())).isEqualTo(Severity.OK);
        assertThat(Severity.worst(List.of(Severity.OK, Severity.ALERT))).isEqualTo(Severity.ALERT);
        assertThat(Severity.worst(List.of(Severity.ALERT, Severity.UNKNOWN))).isEqualTo(Severity.UNKNOWN);
        assertThat(Severity.worst(List.of(Severity.UNKNOWN, Severity.EMERGENCY, Severity.OK))).isEqualTo(Severity.EMERGENCY);
        assertThat(Severity.UNKNOWN.isWorseThan(Severity.OK)).isTrue();
    }

    @Test
    void slackColours() {
        assertThat(Severity.OK.slackColor()).isEqualTo("good");
        assertThat(Severity.ALERT.slackColor()).isEqualTo("warning");
        assertThat(Severity.EMERGENCY.slackColor()).isEqualTo("danger");
    }

    @Test
    void parsesNamesCaseInsensitively() {
        assertThat(Severity.parse(" emergency ")).isEqualTo(Severity.EMERGENCY);
        assertThatThrownBy(() -> Severity.parse("critical")).hasMessageContaining("critical");
    }
}
