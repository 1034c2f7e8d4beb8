package fr.croisements.streams.query;

/** A state store cannot be read right now (start-up, rebalance); the caller may retry. */
public final class StoreIndisponibleException extends RuntimeException {
    public StoreIndisponibleException(String message, Throwable cause) {
        super(message, cause);
    }
}
