package xyz.twzrd.ops.core.host;

import org.junit.jupiter.api.Test;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TopProcessesTest {
    @Test
    void namesOnlyBusiestFirstPm2AppsNamedByPid() {
        String ps = """
                    1  0.0  11200 systemd
                  812 41.5 204800 node
                  813  3.2 512000 java
                  900 12.0   1024 sshd
                garbage line
                """;
        TopProcesses t = TopProcesses.of(TopProcesses.parse(ps, Map.of(812, "web")));
        assertThat(t.byCpu()).extracting(TopProcesses.Proc::label).startsWith("node [web]", "sshd", "java");
        assertThat(t.byMemory()).extracting(TopProcesses.Proc::name).startsWith("java", "node");
        assertThat(t.byMemory().get(0).rssBytes()).isEqualTo(512000L * 1024);
        assertThat(t.lines().get(0)).startsWith("by CPU: node [web] 41.5 %");
    }

    @Test
    void readsThisMachinesProcessesWithPs() {
        TopProcesses t = TopProcesses.read(new LocalCommandRunner(), Map.of());
        assertThat(t.error()).isNull();
        assertThat(t.byMemory()).isNotEmpty().hasSizeLessThanOrEqualTo(TopProcesses.TOP);
        // the kernel's short name, never an argument list
        assertThat(t.byMemory()).allSatisfy(p -> assertThat(p.name()).hasSizeLessThanOrEqualTo(32).doesNotContain(" -"));
    }
}
