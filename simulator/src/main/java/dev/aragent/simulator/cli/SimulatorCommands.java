package dev.aragent.simulator.cli;

import dev.aragent.server.cli.ExtraCommands;
import java.util.List;

/** What the simulator adds to the CLI: {@code demo}, {@code simulate} and {@code bench}. */
public final class SimulatorCommands implements ExtraCommands {
    @Override
    public List<Class<?>> commands() {
        return List.of(DemoCommand.class, SimulateCommand.class, BenchCommand.class);
    }
}
