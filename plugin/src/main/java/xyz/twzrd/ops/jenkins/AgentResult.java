package xyz.twzrd.ops.jenkins;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the agent sends back after a check: the result (JSON, schema 1), the new alert state (JSON), whether to
 * notify, the trend values, and the map the step returns to the pipeline. Plain strings, numbers, booleans and JDK
 * collections only (JEP-200: no core type crosses the channel, lands in build.xml or is returned to the pipeline).
 */
final class AgentResult implements Serializable {
    private static final long serialVersionUID = 1L;

    final String resultJson;
    final String alertStateJson;
    final boolean notify;
    final TreeMap<String, Double> trendValues;
    final LinkedHashMap<String, Object> summary;

    AgentResult(String resultJson, String alertStateJson, boolean notify, Map<String, Double> trendValues,
                Map<String, Object> summary) {
        this.resultJson = resultJson;
        this.alertStateJson = alertStateJson;
        this.notify = notify;
        this.trendValues = new TreeMap<>(trendValues);
        this.summary = new LinkedHashMap<>(summary);
    }
}
