package io.controlautogeneracion.druid;

/**
 * A Druid API call failed, answered an error, or a wait on Druid ran out; the message says which.
 */
public class DruidException extends RuntimeException {
    public DruidException(String message) {
        super(message);
    }

    public DruidException(String message, Throwable cause) {
        super(message, cause);
    }
}
