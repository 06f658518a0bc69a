package dev.aragent.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML file's leaves as dotted keys ({@code caps.email.max}, lists as {@code cadence.0}), nothing else read. */
final class YamlFiles {
    private YamlFiles() {}

    static Map<String, String> leaves(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.file(file))
                .build();
        config.traverse()
                .filter(Config::isLeaf)
                .forEach(node ->
                        node.asString().ifPresent(v -> values.put(node.key().toString(), v)));
        return values;
    }
}
