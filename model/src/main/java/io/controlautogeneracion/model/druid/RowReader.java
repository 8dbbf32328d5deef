package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.controlautogeneracion.model.time.IsoTime;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads the columns of one flat Druid row back into Java. Jackson 2.18 (the Flink line) cannot bind
 * a record whose creator has an {@code @JsonUnwrapped} component, so each row names a {@link
 * Deserializer} that reads its columns through this class.
 */
final class RowReader {

    /** Binds a whole row through {@code fromRow}; subclassed once per row type. */
    abstract static class Deserializer<R> extends StdDeserializer<R> {
        private final Function<RowReader, R> fromRow;

        Deserializer(Class<R> type, Function<RowReader, R> fromRow) {
            super(type);
            this.fromRow = fromRow;
        }

        @Override
        public R deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode tree = p.readValueAsTree();
            try {
                return fromRow.apply(new RowReader(tree));
            } catch (IllegalArgumentException | DateTimeException | NullPointerException e) {
                return ctxt.reportInputMismatch(
                        this,
                        "not a valid %s row: %s",
                        handledType().getSimpleName(),
                        e.getMessage());
            }
        }
    }

    private final JsonNode row;

    RowReader(JsonNode row) {
        if (row == null || !row.isObject()) {
            throw new IllegalArgumentException("a Druid row must be a JSON object, got " + row);
        }
        this.row = row;
    }

    Enrichment enrichment() {
        return new Enrichment(
                text("client_id"),
                text("address"),
                text("postal_code"),
                text("name"),
                text("apell_1"),
                text("apell_2"),
                text("model"),
                date("manufacture_date"),
                date("install_date"));
    }

    String text(String column) {
        JsonNode node = present(column);
        return node == null ? null : node.asText();
    }

    Double number(String column) {
        JsonNode node = present(column);
        return node == null ? null : node.asDouble();
    }

    double requiredNumber(String column) {
        Double value = number(column);
        if (value == null) {
            throw new IllegalArgumentException("Druid row has no column " + column);
        }
        return value;
    }

    Long integer(String column) {
        JsonNode node = present(column);
        return node == null ? null : node.asLong();
    }

    long requiredInteger(String column) {
        Long value = integer(column);
        if (value == null) {
            throw new IllegalArgumentException("Druid row has no column " + column);
        }
        return value;
    }

    /** ISO-8601 with offset (as written) or epoch milliseconds (as some Druid results give). */
    Instant instant(String column) {
        return IsoTime.timestamp(present(column));
    }

    /** {@code yyyy-MM-dd}; blank (Druid's null string in its default-value mode) is null. */
    LocalDate date(String column) {
        JsonNode node = present(column);
        return node == null ? null : IsoTime.parseDate(node.asText());
    }

    private JsonNode present(String column) {
        JsonNode node = row.get(column);
        return node == null || node.isNull() ? null : node;
    }
}
