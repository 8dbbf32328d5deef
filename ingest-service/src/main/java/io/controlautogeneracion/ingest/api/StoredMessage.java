package io.controlautogeneracion.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A stored message or alarm as the API shows it; {@code msg_value} is the message object, or the
 * raw text of an alarm that was not JSON.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StoredMessage(
        String topicId,
        int partition,
        long offset,
        String deviceId,
        Instant eventTime,
        Instant timestamp,
        Object msgValue,
        String textAlarm) {

    public static StoredMessage of(Document document) {
        return new StoredMessage(
                document.getString(MessageDocuments.TOPIC_ID),
                document.getInteger(MessageDocuments.PARTITION, -1),
                ((Number) document.get(MessageDocuments.OFFSET)).longValue(),
                document.getString(MessageDocuments.DEVICE_ID),
                instant(document.getDate(MessageDocuments.EVENT_TIME)),
                instant(document.getDate(MessageDocuments.TIMESTAMP)),
                document.get(MessageDocuments.MSG_VALUE),
                document.getString(MessageDocuments.TEXT_ALARM));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
