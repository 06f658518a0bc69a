package dev.aragent.agent.spi;

/** Infrastructure failed in a way that may pass (connection lost, timeout, throttling): retry later. */
public class TransientFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TransientFailure(String message) {
        super(message);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
