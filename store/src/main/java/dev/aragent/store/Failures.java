package dev.aragent.store;

import dev.aragent.agent.spi.PermanentFailure;
import dev.aragent.agent.spi.TransientFailure;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/** Translates JDBC and Jdbi exceptions at the port boundary: connection loss and serialization conflicts may pass. */
final class Failures {
    private Failures() {}

    static <T> T translate(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            SQLException sql = sqlCause(e);
            String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
            String message = "cannot " + what + ": " + (sql == null ? e.getMessage() : sql.getMessage());
            // connection lost, serialization conflict, deadlock, shutdown, or a statement that ran past its timeout
            if (state.startsWith("08")
                    || state.equals("40001")
                    || state.equals("40P01")
                    || state.startsWith("57P")
                    || state.equals("57014")) {
                throw new TransientFailure(message, e);
            }
            throw new PermanentFailure(message, e);
        }
    }

    static void run(String what, Runnable work) {
        translate(what, () -> {
            work.run();
            return null;
        });
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
