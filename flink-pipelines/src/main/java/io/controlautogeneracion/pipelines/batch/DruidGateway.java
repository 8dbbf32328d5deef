package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.druid.DruidClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the batch jobs need from Druid: submit an ingestion task and wait for it, and ask the broker
 * SQL. An interface so tests can use the local stack's client or answer from memory.
 */
public interface DruidGateway {

    /** Submits a task; returns its id. */
    String submitTask(String taskJson);

    /** Waits until the task succeeds; throws when it failed or did not end in time. */
    void awaitTaskSuccess(String taskId, Duration timeout);

    /**
     * Runs Druid SQL with positional parameters ({@code ?}: strings, numbers, instants as
     * timestamps); rows as column → value.
     */
    List<Map<String, Object>> sql(String query, Object... parameters);

    /**
     * Waits until every segment of {@code datasource} is served, so a query reads what the last
     * load wrote (a run reads its predecessor's rows back).
     */
    void awaitServed(String datasource, Duration timeout);

    /** The gateway over Druid's HTTP APIs. */
    static DruidGateway over(DruidClient client) {
        return new DruidGateway() {
            @Override
            public String submitTask(String taskJson) {
                return client.submitTask(taskJson);
            }

            @Override
            public void awaitTaskSuccess(String taskId, Duration timeout) {
                client.awaitTaskSuccess(taskId, timeout);
            }

            @Override
            public List<Map<String, Object>> sql(String query, Object... parameters) {
                return client.sql(query, parameters);
            }

            @Override
            public void awaitServed(String datasource, Duration timeout) {
                client.awaitServed(datasource, timeout);
            }
        };
    }
}
