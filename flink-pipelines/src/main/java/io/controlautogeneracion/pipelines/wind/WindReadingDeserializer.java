package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import io.controlautogeneracion.model.reading.WindReading;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.flink.annotation.VisibleForTesting;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code sensor-wind} messages with the model's parser (SPEC §3 rules), each with its Kafka
 * record timestamp (the broker's clock, which bounds event time: {@link BrokerBoundedWatermarks}).
 * Invalid messages are counted ({@code invalidReadings}) and logged with their key, then left out:
 * ingest-service already keeps each of them in MongoDB {@code topic_alarm} with its reason. A
 * timestamp's bounds (at most 5 minutes ahead, at most 7 days old) are judged against the clock it
 * is given, so a test can stand at any instant.
 */
public final class WindReadingDeserializer
        implements KafkaRecordDeserializationSchema<WindArrival> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WindReadingDeserializer.class);

    private final Clock clock;
    private transient ReadingParser parser;
    private transient Counter invalidReadings;

    /**
     * @param clock "now" of the timestamp bounds; serialisable (the system or a fixed clock), as
     *     Flink ships the schema to its tasks
     */
    public WindReadingDeserializer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        parser = new ReadingParser(ValidationRules.defaults(), clock);
        invalidReadings = context.getMetricGroup().counter("invalidReadings");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<WindArrival> out) {
        ParseResult result = parser.parse(DeviceKind.WIND, record.value());
        if (result instanceof ParseResult.Valid valid) {
            out.collect(new WindArrival((WindReading) valid.reading(), record.timestamp()));
            return;
        }
        invalidReadings.inc();
        LOG.warn(
                "invalid {} message, key {} (partition {}, offset {}): {}",
                record.topic(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                record.partition(),
                record.offset(),
                ((ParseResult.Invalid) result).reason());
    }

    @VisibleForTesting
    long invalidReadings() {
        return invalidReadings.getCount();
    }

    @Override
    public TypeInformation<WindArrival> getProducedType() {
        return TypeInformation.of(WindArrival.class);
    }
}
