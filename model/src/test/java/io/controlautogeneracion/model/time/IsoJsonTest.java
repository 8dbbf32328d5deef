package io.controlautogeneracion.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What each annotation reads and writes, with a mapper that has no java.time module. */
class IsoJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T = Instant.parse("2026-11-28T13:00:00Z");

    record Times(
            @JsonProperty("timestamp") @IsoInstant Instant timestamp,
            @JsonProperty("valid_from") @IsoInstantOrDate Instant validFrom,
            @JsonProperty("install_date") @IsoDate LocalDate installDate) {}

    private static Times read(String json) throws Exception {
        return JSON.readValue(json, Times.class);
    }

    @Test
    void shouldWriteUtcInstantsAndPlainDates() throws Exception {
        assertThat(JSON.writeValueAsString(new Times(T, T, LocalDate.of(2024, 2, 29))))
                .isEqualTo(
                        "{\"timestamp\":\"2026-11-28T13:00:00Z\","
                                + "\"valid_from\":\"2026-11-28T13:00:00Z\","
                                + "\"install_date\":\"2024-02-29\"}");
    }

    @Test
    void shouldReadATimestampAsIsoWithOffsetOrEpochMillisButNotAsADate() throws Exception {
        assertThat(read("{\"timestamp\":\"2026-11-28T14:00:00+01:00\"}").timestamp()).isEqualTo(T);
        assertThat(read("{\"timestamp\":1795870800000}").timestamp()).isEqualTo(T);
        assertThatThrownBy(() -> read("{\"timestamp\":\"2026-11-28\"}"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("epoch milliseconds");
        assertThatThrownBy(() -> read("{\"timestamp\":\"2026-11-28T13:00:00.Z\"}"))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void shouldReadACatalogInstantAsIsoWithOffsetOrADateButNotAsEpochMillis() throws Exception {
        assertThat(read("{\"valid_from\":\"2026-11-28T14:00:00+01:00\"}").validFrom()).isEqualTo(T);
        assertThat(read("{\"valid_from\":\"2026-11-28\"}").validFrom())
                .isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(read("{\"valid_from\":\" \"}").validFrom()).isNull();
        assertThatThrownBy(() -> read("{\"valid_from\":1795870800000}"))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("instant or date");
    }

    @Test
    void shouldReadADateAndTakeABlankOneAsNone() throws Exception {
        assertThat(read("{\"install_date\":\"2024-02-29\"}").installDate())
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(read("{\"install_date\":\"\"}").installDate()).isNull();
        assertThatThrownBy(() -> read("{\"install_date\":\"29/02/2024\"}"))
                .isInstanceOf(InvalidFormatException.class);
    }
}
