package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of {@code wind_alarm}: an episode of wind over a threshold, or of an anemometer gone
 * silent. {@code timestamp} is when the row was emitted, {@code wind_speed} the episode's highest
 * 1-second figure so far (null for a silent anemometer), and {@code episode_end} is null while the
 * episode is still open.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = WindAlarmRow.Json.class)
public record WindAlarmRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("wind_id") String windId,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("wind_speed") Double windSpeed,
        @JsonProperty("text_alarm") String textAlarm,
        @JsonProperty("level") Level level,
        @JsonProperty("episode_start") @IsoInstant Instant episodeStart,
        @JsonProperty("episode_end") @IsoInstant Instant episodeEnd) {

    /**
     * The threshold crossed, or a sensor that stopped reporting; written in lower case ({@code
     * warning}, {@code storm}, {@code silent}).
     */
    public enum Level {
        @JsonProperty("warning")
        WARNING,
        @JsonProperty("storm")
        STORM,
        @JsonProperty("silent")
        SILENT
    }

    public WindAlarmRow {
        Objects.requireNonNull(windId, "windId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(textAlarm, "textAlarm");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(episodeStart, "episodeStart");
        if ((windSpeed == null) != (level == Level.SILENT)) {
            throw new IllegalArgumentException(
                    "wind_speed is null exactly for a silent anemometer, not for " + level);
        }
        if (episodeEnd != null && episodeEnd.isBefore(episodeStart)) {
            throw new IllegalArgumentException(
                    "episode ends " + episodeEnd + " before it starts " + episodeStart);
        }
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
    }

    static WindAlarmRow fromRow(RowReader row) {
        return new WindAlarmRow(
                row.enrichment(),
                row.text("wind_id"),
                row.instant("timestamp"),
                row.number("wind_speed"),
                row.text("text_alarm"),
                Level.valueOf(row.text("level").toUpperCase(Locale.ROOT)),
                row.instant("episode_start"),
                row.instant("episode_end"));
    }

    static final class Json extends RowReader.Deserializer<WindAlarmRow> {
        Json() {
            super(WindAlarmRow.class, WindAlarmRow::fromRow);
        }
    }
}
