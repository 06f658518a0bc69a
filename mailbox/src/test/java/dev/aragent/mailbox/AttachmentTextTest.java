package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A remittance advice as debtors attach it — a PDF, a spreadsheet, a CSV — read to its text, through the MIME parser
 * into what the core sees; a broken file is no text and never stops the email.
 */
class AttachmentTextTest {

    static byte[] pdf(String... lines) throws IOException {
        try (PDDocument doc = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                s.newLineAtOffset(50, 700);
                for (String line : lines) {
                    s.showText(line);
                    s.newLineAtOffset(0, -16);
                }
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Remittance");
            var head = sheet.createRow(0);
            head.createCell(0).setCellValue("Invoice");
            head.createCell(1).setCellValue("Paid");
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("INV-1041");
            row.createCell(1).setCellValue(1250.5);
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfASpreadsheetAndACsvShouldGiveTheirText() throws IOException {
        assertThat(AttachmentText.of("application/pdf", "advice.pdf", pdf("Remittance advice", "INV-1041 1,250.00")))
                .hasValueSatisfying(t -> assertThat(t).contains("Remittance advice", "INV-1041 1,250.00"));
        assertThat(AttachmentText.of(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "advice.xlsx", xlsx()))
                .contains("Invoice\tPaid\nINV-1041\t1250.5");
        assertThat(AttachmentText.of(
                        "text/csv",
                        "advice.csv",
                        "invoice,amount\nINV-1041,1250.00\n".getBytes(StandardCharsets.UTF_8)))
                .contains("invoice,amount\nINV-1041,1250.00");
    }

    @Test
    void aBrokenOrForeignFileShouldHaveNoText() {
        assertThat(AttachmentText.of(
                        "application/pdf", "advice.pdf", "%PDF-1.7 not really".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(AttachmentText.of("application/octet-stream", "advice.xlsx", new byte[] {'P', 'K', 3, 4, 0}))
                .isEmpty();
        assertThat(AttachmentText.of("image/png", "scan.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .isEmpty();
    }

    @Test
    void anEmailWithAnAdviceAttachedShouldCarryItsTextToTheCore() throws IOException {
        String pdf = Base64.getMimeEncoder().encodeToString(pdf("Payment advice", "INV-1041 less 40.00 damaged case"));
        String raw = "From: Maria <maria@bluefern.example>\r\nTo: ar@northwind.example\r\nSubject: Payment\r\n"
                + "Message-ID: <adv1@bluefern.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find our remittance attached.\r\n"
                + "--b\r\nContent-Type: application/pdf; name=\"advice.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"advice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + pdf + "\r\n--b--\r\n";

        var reading = MimeMailReader.create().read(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(reading).isInstanceOfSatisfying(dev.aragent.agent.conversation.Reading.Read.class, r -> {
            assertThat(r.facts().newText()).contains("remittance attached");
            assertThat(r.facts().attachmentTexts())
                    .singleElement()
                    .asString()
                    .contains("INV-1041 less 40.00 damaged case");
        });
    }
}
