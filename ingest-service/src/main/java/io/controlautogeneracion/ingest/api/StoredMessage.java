package io.controlautogeneracion.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.controlautogeneracion.ingest.stream.MessageDocuments;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A stored message or alarm as the API shows it; {@code msg_value} is the message object, or the
 * raw text of an alarm that was not JSON; the enrichment valid at its event time, and its status,
 * where there is one.
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
        String textAlarm,
        String clientId,
        String name,
        @JsonProperty("apell_1") String apell1,
        @JsonProperty("apell_2") String apell2,
        String address,
        String postalCode,
        String model,
        String manufactureDate,
        String installDate,
        String enrichmentStatus) {

    public static StoredMessage of(Document document) {
        return new StoredMessage(
                document.getString(MessageDocuments.TOPIC_ID),
                document.getInteger(MessageDocuments.PARTITION, -1),
                ((Number) document.get(MessageDocuments.OFFSET)).longValue(),
                document.getString(MessageDocuments.DEVICE_ID),
                instant(document.getDate(MessageDocuments.EVENT_TIME)),
                instant(document.getDate(MessageDocuments.TIMESTAMP)),
                document.get(MessageDocuments.MSG_VALUE),
                document.getString(MessageDocuments.TEXT_ALARM),
                document.getString(MessageDocuments.CLIENT_ID),
                document.getString(MessageDocuments.NAME),
                document.getString(MessageDocuments.APELL_1),
                document.getString(MessageDocuments.APELL_2),
                document.getString(MessageDocuments.ADDRESS),
                document.getString(MessageDocuments.POSTAL_CODE),
                document.getString(MessageDocuments.MODEL),
                document.getString(MessageDocuments.MANUFACTURE_DATE),
                document.getString(MessageDocuments.INSTALL_DATE),
                document.getString(MessageDocuments.ENRICHMENT_STATUS));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
