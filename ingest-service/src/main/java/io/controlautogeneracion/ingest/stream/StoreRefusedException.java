package io.controlautogeneracion.ingest.stream;

/**
 * The store refused the raw-text alarm that replaced a refused document: the refusal was not about
 * that message, so the write is retried like any failure of the store as a whole.
 */
public class StoreRefusedException extends RuntimeException {

    public StoreRefusedException(String message) {
        super(message);
    }
}
