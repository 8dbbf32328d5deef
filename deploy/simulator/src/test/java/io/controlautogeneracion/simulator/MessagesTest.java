package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** The ingest's clock: a message is parsed at the instant it is sent. */
    private static final class SendingClock extends Clock {
        private Instant now = Instant.EPOCH;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final Instant FROM = Instant.parse("2026-11-27T06:00:00Z");

    private static List<Message> run(double share) {
        return SimRuns.run(
                SimRuns.FLEET,
                SimRuns.config(
                        11,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(30),
                        share,
                        new Faults(FROM.plus(Duration.ofHours(1)), "P-00026", "L-0003", "W-0005")),
                FROM,
                FROM.plus(Duration.ofHours(2)));
    }

    @Test
    void shouldSendOnlyMessagesTheModelParsesOrRejectsWithAReason() {
        SendingClock clock = new SendingClock();
        ReadingParser parser = new ReadingParser(ValidationRules.defaults(), clock);
        List<Message> messages = run(0.05);
        Set<Malformation> seen = EnumSet.noneOf(Malformation.class);
        int bad = 0;
        for (Message m : messages) {
            clock.now = Instant.ofEpochMilli(m.eventMs()).plusMillis(300);
            ParseResult result = parser.parse(m.kind(), m.value());
            if (m.valid()) {
                assertThat(result).as(m.value()).isInstanceOf(ParseResult.Valid.class);
                assertThat(result.deviceId()).isEqualTo(m.key());
                assertThat(result.eventTime()).isEqualTo(Instant.ofEpochMilli(m.eventMs()));
            } else {
                bad++;
                seen.add(m.bad());
                assertThat(result).as(m.value()).isInstanceOf(ParseResult.Invalid.class);
                assertThat(((ParseResult.Invalid) result).reason()).isNotBlank();
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Malformation.values());
        double share = (double) bad / messages.size();
        assertThat(share).isBetween(0.04, 0.06);
        assertThat(messages).extracting(Message::kind).containsAll(EnumSet.allOf(DeviceKind.class));
    }

    @Test
    void shouldKeepTheMalformedShareNearTheConfiguredOne() {
        for (double share : new double[] {0, 0.01, 0.2}) {
            List<Message> messages = run(share);
            double seen =
                    messages.stream().filter(m -> !m.valid()).count() / (double) messages.size();
            assertThat(seen)
                    .as("share %s", share)
                    .isCloseTo(share, org.assertj.core.data.Offset.offset(0.006));
        }
    }

    @Test
    void shouldKeyEveryMessageByItsDeviceId() {
        for (Message m : run(0.0)) {
            assertThat(SimRuns.json(m).get(m.kind().idField()).asText()).isEqualTo(m.key());
            assertThat(m.topic()).isEqualTo(m.kind().defaultTopic());
        }
    }
}
