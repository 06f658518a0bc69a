package dev.aragent.mailbox;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of an attachment a debtor's remittance advice comes in: a PDF (PDFBox), a spreadsheet (XLSX, Apache POI:
 * each row's cells as it shows them, tab-separated), CSV or plain text. Anything else, anything larger than {@value
 * #MAX_BYTES} bytes, and a file that does not open (malformed, encrypted) has none — the email is still read; at most
 * {@value #MAX_CHARS} characters are kept.
 */
public final class AttachmentText {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_CHARS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentText.class);

    private AttachmentText() {}

    /** The readable text of an attachment of {@code type} named {@code name}, when it is a document we read. */
    public static Optional<String> of(String type, String name, byte[] data) {
        if (data.length == 0 || data.length > MAX_BYTES) {
            return Optional.empty();
        }
        String file = name.toLowerCase(Locale.ROOT);
        try {
            String text;
            if (type.equals("application/pdf") || file.endsWith(".pdf")) {
                text = pdf(data);
            } else if (type.contains("spreadsheetml") || file.endsWith(".xlsx")) {
                text = xlsx(data);
            } else if (type.equals("text/csv")
                    || type.equals("text/plain")
                    || file.endsWith(".csv")
                    || file.endsWith(".txt")) {
                text = MailParser.lenient(data);
            } else {
                return Optional.empty();
            }
            text = text.strip();
            return text.isEmpty()
                    ? Optional.empty()
                    : Optional.of(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        } catch (Exception | LinkageError e) { // a broken attachment never stops the email being read
            LOG.atInfo()
                    .addKeyValue("type", type)
                    .addKeyValue("why", e.toString())
                    .log("attachment text not read");
            return Optional.empty();
        }
    }

    private static String pdf(byte[] data) throws java.io.IOException {
        try (PDDocument doc = Loader.loadPDF(data)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(20);
            return stripper.getText(doc);
        }
    }

    private static String xlsx(byte[] data) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        DataFormatter shown = new DataFormatter(Locale.US);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(data))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder();
                    for (Cell cell : row) {
                        if (!line.isEmpty()) {
                            line.append('\t');
                        }
                        line.append(shown.formatCellValue(cell));
                    }
                    out.append(line).append('\n');
                    if (out.length() > MAX_CHARS) {
                        return out.toString();
                    }
                }
            }
        }
        return out.toString();
    }
}
