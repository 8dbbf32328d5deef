package io.controlautogeneracion.catalog.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers for a native image the Couchbase SDK's own classes that its shaded Jackson binds by
 * reflection while connecting: the cluster and bucket configurations, the collections manifest and
 * the key-value error map. The SDK ships no reflection metadata for them, and this project uses the
 * plain SDK, not a Quarkus extension that would register them.
 */
@RegisterForReflection(
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
public final class CouchbaseSdkReflection {
    private CouchbaseSdkReflection() {}
}
