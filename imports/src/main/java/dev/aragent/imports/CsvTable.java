package dev.aragent.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as lines of cells, each with the 1-based line it starts on. Decodes UTF-8 (with or without BOM), UTF-16
 * with BOM, or Windows-1252 when the bytes are not UTF-8; detects comma, semicolon or tab delimiters; accepts CRLF.
 */
record CsvTable(List<Line> lines, char delimiter, String charset) {

    /** One record of the file. */
    record Line(int number, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String cell(int index) {
            return index < cells.size() ? cells.get(index).strip() : "";
        }

        /** Non-blank cells only. */
        List<String> values() {
            return cells.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        }
    }

    /** The file cannot be read as CSV at all. */
    static final class UnreadableCsv extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        UnreadableCsv(int line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** Limits that refuse a file early, with a reason, before it costs minutes of CPU or gigabytes of memory. */
    static final int MAX_COLUMNS = 500, MAX_FIELD_CHARS = 10_000, MAX_LINES = 2_000_000;

    static CsvTable parse(byte[] bytes) {
        Decoded decoded = decode(bytes);
        int nul = decoded.text().indexOf('\u0000');
        if (nul >= 0) {
            int line = 1
                    + (int) decoded.text()
                            .substring(0, nul)
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            throw new UnreadableCsv(
                    line,
                    "it holds a NUL byte: not a text export (a spreadsheet saved as binary, or a damaged" + " file)",
                    null);
        }
        char delimiter = detectDelimiter(decoded.text());
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .get();
        List<Line> lines = new ArrayList<>();
        int start = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(decoded.text()), format)) {
            for (CSVRecord record : parser) {
                if (record.size() > MAX_COLUMNS) {
                    throw new UnreadableCsv(
                            start, record.size() + " columns; at most " + MAX_COLUMNS + " are read", null);
                }
                for (int c = 0; c < record.size(); c++) {
                    if (record.get(c).length() > MAX_FIELD_CHARS) {
                        throw new UnreadableCsv(
                                start,
                                "column " + (c + 1) + " holds " + record.get(c).length() + " characters; at most "
                                        + MAX_FIELD_CHARS,
                                null);
                    }
                }
                if (lines.size() >= MAX_LINES) {
                    throw new UnreadableCsv(start, "more than " + MAX_LINES + " lines; split the file", null);
                }
                lines.add(new Line(start, record.toList()));
                start = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw new UnreadableCsv(start, "cannot read CSV: " + e.getMessage(), e);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableCsv(
                    start, "cannot read CSV near line " + start + ": " + rootMessage(e) + " (check quoting)", e);
        }
        return new CsvTable(List.copyOf(lines), delimiter, decoded.charset());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private record Decoded(String text, String charset) {}

    private static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, Charset.forName("windows-1252")), "windows-1252");
        }
    }

    /** The candidate seen most often outside quotes in the first lines; comma when none is. */
    static char detectDelimiter(String text) {
        char[] candidates = {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 30; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                lines++;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return counts[best] == 0 ? ',' : candidates[best];
    }
}
