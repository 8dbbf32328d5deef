package io.controlautogeneracion.pipelines.landing;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Kafka records of the landed topics → {@link LandedLine}s, validated with the model's {@link
 * ReadingParser} (the same rules ingest-service applies). Invalid messages are passed on marked, so
 * the job can count and log them with their key.
 */
public final class LandingDeserializer implements KafkaRecordDeserializationSchema<LandedLine> {
    private final Map<String, DeviceKind> kinds;
    private transient ReadingParser parser;

    /**
     * @param kinds the device kind of each landed topic
     */
    public LandingDeserializer(Map<String, DeviceKind> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LandedLine> out) {
        if (parser == null) {
            parser = ReadingParser.withDefaults();
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
