package xyz.twzrd.ops.core;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code jdeps -verbose:package} on core's classes (target/classes) shows no package cycle: the JDK's own view of
 * what {@link ArchitectureTest} checks with ArchUnit. A cycle fails the test naming its packages in order.
 */
class PackageCyclesTest {
    /** {@code   from.pkg   -> to.pkg   archive-or-module} */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+\\S.*$");

    @Test
    void jdepsShowsNoCycleBetweenCorePackages() throws URISyntaxException {
        Path classes = Path.of(CheckResult.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isDirectory(classes)).as("core's classes folder " + classes).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("this JDK has no jdeps tool"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), "-verbose:package", classes.toString());
        assertThat(exit).as("jdeps exit code; stderr: " + err).isZero();

        Map<String, Set<String>> graph = edges(out.toString(), ArchitectureTest.CORE);
        // a changed output format must not pass as "no cycle": these edges are known to exist
        assertThat(graph).containsKeys("xyz.twzrd.ops.core.jobs", "xyz.twzrd.ops.core.pm2");
        assertThat(graph.get("xyz.twzrd.ops.core.jobs")).contains("xyz.twzrd.ops.core.pm2");
        assertThat(cycles(graph)).as("package cycles in core according to jdeps").isEmpty();
    }

    @Test
    void aCycleInJdepsOutputIsFoundAndNamed() {
        String output = """
                classes -> java.base
                   a.core                 -> java.lang            java.base
                   a.core.host            -> a.core               classes
                   a.core.jobs            -> a.core.host          classes
                   a.core.jobs            -> a.core.pm2           classes
                   a.core.pm2             -> a.core.jobs          classes
                   a.core.pm2             -> a.core.exec          classes
                   a.core.exec            -> a.core.pm2           classes
                   a.core.report          -> a.core               classes
                   a.core                 -> a.core.report        classes
                   b.other                -> a.core               classes
                """;
        Map<String, Set<String>> graph = edges(output, "a.core");
        assertThat(graph).doesNotContainKey("b.other");
        assertThat(graph.get("a.core")).containsExactly("a.core.report");
        assertThat(cycles(graph)).containsExactlyInAnyOrder(
                "a.core.exec -> a.core.pm2 -> a.core.exec (strongly connected: a.core.exec, a.core.jobs, a.core.pm2)",
                "a.core -> a.core.report -> a.core (strongly connected: a.core, a.core.report)");
        assertThat(cycles(edges(output.replace("a.core.pm2             -> a.core.jobs", "a.core.pm2 -> java.util")
                .replace("a.core.exec            -> a.core.pm2", "a.core.exec -> java.util")
                .replace("a.core.report          -> a.core ", "a.core.report -> java.io "), "a.core"))).isEmpty();
    }

    /** The package edges between packages of {@code root} (itself and below) in jdeps -verbose:package output. */
    static Map<String, Set<String>> edges(String jdepsOutput, String root) {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (String line : jdepsOutput.split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && within(m.group(1), root) && within(m.group(2), root) && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        return graph;
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /**
     * Every strongly connected component of more than one package (Tarjan), each named by one cycle through it
     * (starting at its first package in name order) and its members.
     */
    static List<String> cycles(Map<String, Set<String>> graph) {
        List<String> found = new ArrayList<>();
        for (Set<String> component : new Tarjan(graph).components) {
            if (component.size() > 1) {
                String start = component.iterator().next();
                found.add(String.join(" -> ", cycleThrough(start, component, graph))
                        + " (strongly connected: " + String.join(", ", component) + ")");
            }
        }
        return found;
    }

    /** The shortest path from start back to start inside the component (breadth first). */
    private static List<String> cycleThrough(String start, Set<String> component, Map<String, Set<String>> graph) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.removeFirst();
            for (String next : graph.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = parent.get(p)) {
                        path.add(1, p);
                    }
                    path.add(start);
                    return path;
                }
                if (component.contains(next) && !parent.containsKey(next)) {
                    parent.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        throw new IllegalStateException(start + " is on no cycle of " + component);
    }

    /** Tarjan's strongly connected components, each as a sorted set of packages. */
    private static final class Tarjan {
        final List<Set<String>> components = new ArrayList<>();
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
            for (String v : graph.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}
