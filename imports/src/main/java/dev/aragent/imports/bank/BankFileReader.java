package dev.aragent.imports.bank;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.imports.BankCsvReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Any bank file we read, its format told by its first bytes: XML is ISO 20022 camt.053/054, a first record {@code 01,}
 * is BAI2, a {@code :20:} field (bare, or inside a FIN envelope) is SWIFT MT940/MT942, anything else a bank's CSV
 * export read through the tenant's profile. The file's SHA-256 comes with it, so the same bytes brought twice are known.
 * A file that its format's reader refuses is refused whole, the format named before the line and reason.
 */
public final class BankFileReader {
    /** The formats, as {@link #format} names them. */
    public enum Format {
        CAMT,
        BAI2,
        MT940,
        CSV;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final BankCsvReader.Profile csv;

    private BankFileReader(BankCsvReader.Profile csv) {
        this.csv = csv;
    }

    /** A reader whose CSV files are read through {@code csv}. */
    public static BankFileReader with(BankCsvReader.Profile csv) {
        return new BankFileReader(csv);
    }

    /** The format {@code content} is written in. */
    public static Format format(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .stripLeading();
        head = head.replaceFirst("^[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]+", "").stripLeading();
        if (head.startsWith("<")) {
            return Format.CAMT;
        }
        if (head.startsWith("01,")) {
            return Format.BAI2;
        }
        if (head.startsWith(":20:") || head.startsWith("{1:") || head.contains("\n:20:")) {
            return Format.MT940;
        }
        return Format.CSV;
    }

    /**
     * The file's statements, read by its format's reader.
     *
     * @throws IllegalArgumentException naming the format, the line (or element) and the reason, when the file is
     *     refused
     */
    public BankFile read(String source, byte[] content) {
        if (content.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        Format format = format(content);
        List<BankStatement> statements;
        try {
            statements = switch (format) {
                case CAMT -> CamtReader.read(content);
                case BAI2 -> Bai2Reader.read(content);
                case MT940 -> Mt940Reader.read(content);
                case CSV -> List.of(BankCsvReader.read(content, csv, csvAccount(source)));
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label(format) + ": " + e.getMessage(), e);
        }
        String named =
                statements.isEmpty() ? format.code() : statements.getFirst().format();
        return new BankFile(source, BankFile.sha256(content), named, statements);
    }

    private String label(Format format) {
        return switch (format) {
            case CAMT -> "camt (ISO 20022 XML)";
            case BAI2 -> "BAI2";
            case MT940 -> "MT940";
            case CSV -> "bank CSV (profile '" + csv.name() + "')";
        };
    }

    /** A CSV export names no account: the file's name stands for it (one export per account). */
    private static String csvAccount(String source) {
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return "csv:" + (dot > 0 ? name.substring(0, dot) : name);
    }
}
