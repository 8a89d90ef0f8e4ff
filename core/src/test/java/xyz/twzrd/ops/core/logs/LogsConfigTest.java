package xyz.twzrd.ops.core.logs;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.config.OpsConfig;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogsConfigTest {
    @Test
    void defaultsAreTheNodePatternsAndAnyNewErrorAlerts() {
        LogsConfig c = OpsConfig.defaults().getLogs();
        assertThat(c.getPatterns()).extracting(LogPattern::getLiteral).contains("ERROR", "FATAL", "Unhandled", "uncaught");
        assertThat(c.getAlert()).isZero();
        assertThat(c.getEmergency()).isEqualTo(1000);
        assertThat(c.isIncludeRotated()).isTrue();
        assertThat(c.getPaths()).isEmpty();
    }

    @Test
    void yamlSectionReplacesPatternsAndKeepsOtherDefaults() throws ConfigException {
        LogsConfig c = OpsConfig.parse("""
                logs:
                  paths: [/var/log/twzrd-*.log]
                  patterns:
                    - literal: "panic:"
                    - regex: "status=5\\\\d\\\\d"
                      require: "status=5"
                  alert: 10
                  max-example-length: 120
                  include-compressed: false
                """).getLogs();
        assertThat(c.getPaths()).containsExactly("/var/log/twzrd-*.log");
        assertThat(c.getPatterns()).hasSize(2);
        assertThat(c.getPatterns().get(1).getRegex()).isEqualTo("status=5\\d\\d");
        assertThat(c.getPatterns().get(1).getRequire()).isEqualTo("status=5");
        assertThat(c.getAlert()).isEqualTo(10);
        assertThat(c.getEmergency()).isEqualTo(1000);
        assertThat(c.getMaxExampleLength()).isEqualTo(120);
        assertThat(c.isIncludeCompressed()).isFalse();
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> OpsConfig.parse("logs:\n  patterns:\n    - litral: x\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'litral'")
                .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("logs.patterns[0].litral"));
        assertThatThrownBy(() -> OpsConfig.parse("logs:\n  patterns:\n    - regex: '(unclosed'\n"))
                .hasMessageContaining("logs.patterns[0].regex: not a valid regular expression");
        assertThatThrownBy(() -> OpsConfig.parse("logs:\n  patterns:\n    - literal: a\n      regex: b\n"))
                .hasMessageContaining("logs.patterns[0]: needs exactly one of 'literal' or 'regex'");
        assertThatThrownBy(() -> OpsConfig.parse("logs:\n  patterns: []\n"))
                .hasMessageContaining("logs.patterns: needs at least one pattern");
        assertThatThrownBy(() -> OpsConfig.parse("logs:\n  alert: 50\n  emergency: 5\n"))
                .hasMessageContaining("logs.emergency: must not be below alert");
        assertThatThrownBy(() -> OpsConfig.parse("logs:\n  max-line-check: 10\n"))
                .hasMessageContaining("logs.max-line-check: must be from 256");
    }

    @Test
    void configuredRegexWithRequiredLiteralAndUnfilteredRegexBothMatch() throws Exception {
        LogsConfig c = OpsConfig.parse("""
                logs:
                  patterns:
                    - regex: "status=5\\\\d\\\\d"
                      require: "status=5"
                    - regex: "^panic"
                """).getLogs();
        byte[] text = "GET / status=200\nGET / status=503\nstatus=5xx\npanic: nil map\n ok panic\n".getBytes(StandardCharsets.UTF_8);
        List<String> got = new ArrayList<>();
        StreamScanner s = new StreamScanner(new LinePatterns(c.getPatterns(), null), c.getMaxLineCheck(), (h, t) -> got.add(h));
        ByteBuffer buf = ByteBuffer.allocate(s.minWindow()).order(ByteOrder.LITTLE_ENDIAN);
        LogScanner.drain(Channels.newChannel(new ByteArrayInputStream(text)), s, buf);
        assertThat(got).containsExactly("GET / status=503", "panic: nil map");
    }
}
