package dev.aragent.simulator.cli;

import dev.aragent.server.cli.ExtraCommands;
import java.util.List;
import java.util.Map;

/** What the simulator adds to the CLI: {@code demo}, {@code simulate}, {@code bench} and {@code risk sample-history}. */
public final class SimulatorCommands implements ExtraCommands {
    @Override
    public List<Class<?>> commands() {
        return List.of(DemoCommand.class, SimulateCommand.class, BenchCommand.class);
    }

    @Override
    public Map<String, List<Class<?>>> subcommands() {
        return Map.of("risk", List.of(SampleHistoryCommand.class));
    }
}
