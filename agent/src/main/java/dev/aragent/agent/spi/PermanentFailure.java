package dev.aragent.agent.spi;

/** Infrastructure refused in a way retrying will not fix (bad credentials, constraint broken, schema missing). */
public class PermanentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PermanentFailure(String message) {
        super(message);
    }

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
