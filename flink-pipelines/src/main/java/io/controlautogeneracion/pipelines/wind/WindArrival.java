package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.reading.WindReading;

/**
 * A valid {@code sensor-wind} reading as the job receives it: the reading, stamped by the device's
 * clock, and the Kafka record's timestamp, stamped by the broker's clock (the topic's {@code
 * message.timestamp.type=LogAppendTime}; the producer's clock otherwise).
 *
 * @param brokerTime the Kafka record timestamp, epoch milliseconds; negative when the record has
 *     none
 */
public record WindArrival(WindReading reading, long brokerTime) {

    /** The reading's event time (the device's clock), epoch milliseconds. */
    public long eventTime() {
        return reading.timestamp().toEpochMilli();
    }

    /**
     * How far this reading may move event time: its own time, but never past the broker's clock
     * when it was logged. A device whose clock runs ahead counts at the time it actually reported.
     */
    public long boundedTime() {
        return brokerTime < 0 ? eventTime() : Math.min(eventTime(), brokerTime);
    }
}
