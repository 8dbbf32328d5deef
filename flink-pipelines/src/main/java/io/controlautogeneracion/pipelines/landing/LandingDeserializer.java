package io.controlautogeneracion.pipelines.landing;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records of the landed topics → {@link LandedLine}s, validated with the model's {@link
 * ReadingParser} (the same rules ingest-service applies) against the clock it is given, so a test
 * can stand at any instant. Invalid messages are passed on marked, so the job can count and log
 * them with their key.
 */
public final class LandingDeserializer implements KafkaRecordDeserializationSchema<LandedLine> {
    private final Map<String, DeviceKind> kinds;
    private final Clock clock;
    private transient ReadingParser parser;

    /**
     * @param kinds the device kind of each landed topic
     * @param clock "now" of the timestamp bounds; serialisable (the system or a fixed clock), as
     *     Flink ships the schema to its tasks
     */
    public LandingDeserializer(Map<String, DeviceKind> kinds, Clock clock) {
        this.kinds = Map.copyOf(kinds);
        this.clock = clock;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LandedLine> out) {
        if (parser == null) {
            parser = new ReadingParser(ValidationRules.defaults(), clock);
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        DeviceKind kind = kinds.get(record.topic());
        ParseResult result = parser.parse(kind, record.value());
        long eventTime = result.eventTime() == null ? 0 : result.eventTime().toEpochMilli();
        if (result instanceof ParseResult.Valid valid) {
            out.collect(
                    new LandedLine(
                            record.topic(), key, eventTime, valid.message().toString(), null));
        } else {
            out.collect(
                    new LandedLine(
                            record.topic(),
                            key,
                            eventTime,
                            null,
                            ((ParseResult.Invalid) result).reason()));
        }
    }

    @Override
    public TypeInformation<LandedLine> getProducedType() {
        return TypeInformation.of(LandedLine.class);
    }
}
