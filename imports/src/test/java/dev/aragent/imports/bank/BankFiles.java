package dev.aragent.imports.bank;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aragent.agent.cash.BankStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The third-party bank files of {@code ../shared/testdata/bank}, and the totals their MANIFEST states per file. */
final class BankFiles {
    private BankFiles() {}

    /** One file's bytes; the test is skipped, saying why, when the corpus is not beside the checkout. */
    static byte[] file(String name) throws IOException {
        Path dir = Path.of(System.getProperty("testdata.dir", "../../shared/testdata"))
                .resolve("bank");
        assumeTrue(
                Files.isDirectory(dir),
                "bank files " + dir.toAbsolutePath()
                        + " are absent: these tests read ../shared/testdata beside the checkout");
        return Files.readAllBytes(dir.resolve(name));
    }

    static long credits(List<BankStatement> s) {
        return s.stream().mapToLong(BankStatement::creditsMinor).sum();
    }

    static long debits(List<BankStatement> s) {
        return s.stream().mapToLong(BankStatement::debitsMinor).sum();
    }

    static int entries(List<BankStatement> s) {
        return s.stream().mapToInt(x -> x.entries().size()).sum();
    }
}
