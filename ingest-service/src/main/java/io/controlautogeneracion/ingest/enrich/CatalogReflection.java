package io.controlautogeneracion.ingest.enrich;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.time.IsoJson;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for a native image the catalog documents the catalog client reads with Jackson, and the
 * Couchbase SDK's own classes that its shaded Jackson binds while connecting (the SDK ships no
 * reflection metadata for them; catalog-service registers the same).
 */
@RegisterForReflection(
        targets = {
            Client.class,
            Element.class,
            AlarmThresholds.class,
            Device.class,
            Panel.class,
            SensorLight.class,
            SensorWind.class,
            ClientRel.class,
            ClientRelHistory.class,
            IsoJson.DateReader.class,
            IsoJson.InstantOrDateReader.class,
            DeviceKinds.Reader.class,
            DeviceKinds.Writer.class,
            ToStringSerializer.class
        },
        classNames = {
            "com.couchbase.client.core.config.AlternateAddress",
            "com.couchbase.client.core.config.CollectionsManifest",
            "com.couchbase.client.core.config.CollectionsManifestCollection",
            "com.couchbase.client.core.config.CollectionsManifestScope",
            "com.couchbase.client.core.config.CouchbaseBucketConfig",
            "com.couchbase.client.core.config.GlobalConfig",
            "com.couchbase.client.core.config.MemcachedBucketConfig",
            "com.couchbase.client.core.config.NodeInfo",
            "com.couchbase.client.core.config.PartitionInfo",
            "com.couchbase.client.core.config.PortInfo",
            "com.couchbase.client.core.error.ErrorCodeAndMessage",
            "com.couchbase.client.core.io.netty.kv.ErrorMap",
            "com.couchbase.client.core.io.netty.kv.ErrorMap$ErrorCode",
            "com.couchbase.client.core.io.netty.kv.ErrorMap$RetrySpecification"
        })
public final class CatalogReflection {
    private CatalogReflection() {}
}
