package dev.aragent.simulator.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source that hands out one reused connection (its close() is ignored), so a single-threaded benchmark
 * measures queries, not TCP connects and authentication.
 */
final class OneConnection {
    private OneConnection() {}

    static DataSource of(DataSource target) {
        Connection[] held = new Connection[1];
        return (DataSource) Proxy.newProxyInstance(
                OneConnection.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        synchronized (held) {
                            if (held[0] == null || held[0].isClosed()) {
                                held[0] = target.getConnection();
                            }
                            return keepOpen(held[0]);
                        }
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Connection keepOpen(Connection c) {
        return (Connection) Proxy.newProxyInstance(
                OneConnection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        if (!c.getAutoCommit()) {
                            c.rollback();
                            c.setAutoCommit(true);
                        }
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof SQLException s ? s : e.getCause();
                    }
                });
    }
}
