package io.controlautogeneracion.pipelines.batch;

/** A batch run that cannot go on: Druid refused a task or a query, an input cannot be read. */
public final class BatchException extends RuntimeException {
    public BatchException(String message) {
        super(message);
    }

    public BatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
