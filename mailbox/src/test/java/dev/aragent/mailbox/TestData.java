package dev.aragent.mailbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The third-party corpora in {@code ../shared/testdata}, read in place (never copied into the repository). */
final class TestData {
    private TestData() {}

    static Path dir(String name) {
        Path root = Path.of(System.getProperty("testdata.dir", "../../shared/testdata"));
        Path dir = root.resolve(name);
        assumeTrue(
                Files.isDirectory(dir),
                "test corpus " + dir.toAbsolutePath()
                        + " is absent: these tests read ../shared/testdata beside the checkout");
        return dir;
    }
}
