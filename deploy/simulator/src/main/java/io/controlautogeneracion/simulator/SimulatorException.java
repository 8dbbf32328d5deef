package io.controlautogeneracion.simulator;

/** A simulator run that cannot go on: bad options, an unreadable fleet, Kafka unreachable. */
public final class SimulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
