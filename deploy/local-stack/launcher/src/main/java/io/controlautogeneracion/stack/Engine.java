package io.controlautogeneracion.stack;

import java.util.EnumSet;
import java.util.Set;

/** What a user or a test can ask the local stack for; asking for a service brings what it needs. */
public enum Engine {
    /** A Kafka 4.1 KRaft broker. */
    KAFKA,
    /**
     * ZooKeeper and the four Druid 33 services (coordinator-overlord, historical, indexer, broker).
     */
    DRUID,
    /** The MongoDB stand-in. */
    MONGODB,
    /** The Couchbase stand-in with the catalog bucket. */
    COUCHBASE,
    /** catalog-service: the Couchbase catalog behind a REST API. */
    CATALOG(COUCHBASE),
    /**
     * ingest-service: device topics into MongoDB, enriched from the catalog that catalog-service
     * loads; throughput into Druid.
     */
    INGEST(KAFKA, MONGODB, COUCHBASE, CATALOG),
    /** The Flink wind job (RichSensorWind, WriteSensorWind) and the Druid it writes to. */
    WIND_JOB(KAFKA, COUCHBASE, DRUID, CATALOG),
    /** The Flink landing job: panel and light readings into hourly files for the batch jobs. */
    LANDING_JOB(KAFKA),
    /** The hourly batch (RichPanel, WritePanel, RichSensorLight, WriteSensorLight), every hour. */
    HOURLY_BATCH(LANDING_JOB, DRUID, COUCHBASE, CATALOG),
    /** The device fleet simulator: back-fills recent days, then sends live readings. */
    SIMULATOR(KAFKA),
    /** The dashboards page: the Superset bundle's dashboards over the named queries on Druid. */
    DASHBOARDS(DRUID);

    private final Set<Engine> needs;

    Engine(Engine... needs) {
        this.needs = needs.length == 0 ? Set.of() : Set.of(needs);
    }

    /** The engines given plus everything they need. */
    public static EnumSet<Engine> withNeeds(Set<Engine> engines) {
        EnumSet<Engine> all = EnumSet.noneOf(Engine.class);
        for (Engine engine : engines) {
            if (all.add(engine)) {
                all.addAll(withNeeds(engine.needs));
            }
        }
        return all;
    }
}
