package dev.aragent.server.cli;

import java.util.List;
import java.util.Map;

/**
 * Commands another module adds to the {@code ar-agent} CLI, found on the class path ({@link java.util.ServiceLoader},
 * {@code META-INF/services/dev.aragent.server.cli.ExtraCommands}): the simulator adds {@code demo}, {@code simulate}
 * and {@code bench}, so the service's module holds none of them.
 */
public interface ExtraCommands {
    /** The picocli {@code @Command} classes to add. */
    List<Class<?>> commands();

    /** Subcommands to add under one of the service's commands, by its name ({@code risk sample-history}). */
    default Map<String, List<Class<?>>> subcommands() {
        return Map.of();
    }
}
