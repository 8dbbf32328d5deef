package io.controlautogeneracion.pipelines.landing;

import io.controlautogeneracion.model.landing.HourPartitions;
import java.time.Instant;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Puts a line into {@code <topic>/dt=YYYY-MM-DD/hour=HH} of its event time (UTC). */
public final class HourBucketAssigner implements BucketAssigner<LandedLine, String> {

    @Override
    public String getBucketId(LandedLine line, BucketAssigner.Context context) {
        return line.topic() + "/" + HourPartitions.bucket(Instant.ofEpochMilli(line.eventTime()));
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
