package dev.aragent.server;

import dev.aragent.agent.queue.QueueRules;
import dev.aragent.agent.rules.RuleSheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * The AR manager's queue rules for one tenant, read from a YAML file (see {@code queue-rules.example.yaml}); keys not
 * given keep {@link QueueRules#defaults()}. An unknown key or a bad value is an error that names the key: a typo must
 * not silently drop a rule.
 */
public final class QueueRulesFile {
    private QueueRulesFile() {}

    /** The rules in {@code file}, or the defaults (in {@code zone}) when it does not exist. */
    public static QueueRules load(Path file, ZoneId zone) {
        QueueRules d = QueueRules.defaults();
        if (!Files.isRegularFile(file)) {
            return d.withDefaultZone(zone);
        }
        Map<String, String> v = YamlFiles.leaves(file);
        for (String key : v.keySet()) {
            if (key.startsWith("policy.")) {
                throw new IllegalArgumentException("queue rules " + file + ": unknown rule '" + key
                        + "' (the negotiation policy is set in ar-agent.yaml or the console)");
            }
        }
        try {
            return parse(v, zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("queue rules " + file + ": " + e.getMessage(), e);
        }
    }

    static QueueRules parse(Map<String, String> v, ZoneId zone) {
        return RuleSheet.of(v).queueRules(zone);
    }
}
