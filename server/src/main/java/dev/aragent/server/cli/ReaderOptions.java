package dev.aragent.server.cli;

import dev.aragent.agent.spi.IntentReader;
import dev.aragent.server.Readers;
import dev.aragent.server.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** For commands that read messages without opening the book: the settings file, and the reader it configures. */
public final class ReaderOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "ar-agent.yaml",
            description =
                    "settings file (default: ${DEFAULT-VALUE}); llm.url there or AR_LLM_URL selects the LLM reader")
    Path config = Path.of("ar-agent.yaml");

    /** The LLM the settings name, if any. */
    public java.util.Optional<dev.aragent.server.LlmConfig> llm() {
        return Settings.load(config, System.getenv()).llm();
    }

    public IntentReader reader() {
        return Readers.intentReader(Settings.load(config, System.getenv()));
    }
}
