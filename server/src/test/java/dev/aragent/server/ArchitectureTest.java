package dev.aragent.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The composition root is the only place an adapter is created (ADR 0031): no other class of {@code server} calls
 * {@code new}, {@code create} or a constructor reference on a class of an adapter module. Read from the sources, so
 * it needs no framework; it first shows that it finds what {@code App} creates, so an empty result means something.
 */
class ArchitectureTest {
    private static final List<String> ADAPTER_MODULES = List.of(
            "store", "mailbox", "channels", "crm", "identity", "rag-index", "risk-model", "prompts", "voice-bridge");
    private static final Set<String> COMPOSITION_ROOT = Set.of("App.java", "Readers.java");
    private static final Path SOURCES = Path.of("src/main/java/dev/aragent/server");

    /** The public classes of the adapter modules, by simple name. */
    private static Set<String> adapterClasses() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String module : ADAPTER_MODULES) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String name = f.getFileName().toString().replace(".java", "");
                    if (!name.equals("package-info") && Files.readString(f).contains("public final class " + name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    /** Where {@code source} creates one of {@code adapters}: {@code new X(}, {@code X.create(}, {@code X::new/create}. */
    private static List<String> creations(String source, Set<String> adapters) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?:new\\s+(?:[a-z]\\w*\\.)*([A-Z]\\w*)\\s*\\(|\\b([A-Z]\\w*)\\.create\\("
                        + "|\\b([A-Z]\\w*)::(?:new|create)\\b)")
                .matcher(source);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (adapters.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    @Test
    void onlyTheCompositionRootCreatesAnAdapter() throws IOException {
        Set<String> adapters = adapterClasses();
        assertThat(adapters)
                .as("the adapter classes are found")
                .contains("PostgresLedger", "SmtpSender", "TwilioSmsSender", "HubSpotCrmSink", "Argon2Passwords");
        assertThat(creations(Files.readString(SOURCES.resolve("App.java")), adapters))
                .as("what the composition root creates is recognised")
                .contains("PostgresMailJournal", "SmtpSender", "TwilioSmsSender", "SlackApprovalGateway");

        List<String> elsewhere = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (COMPOSITION_ROOT.contains(f.getFileName().toString())) {
                    continue;
                }
                creations(Files.readString(f), adapters).forEach(a -> elsewhere.add(f.getFileName() + " creates " + a));
            }
        }
        assertThat(elsewhere)
                .as("adapters created outside the composition root")
                .isEmpty();
    }
}
