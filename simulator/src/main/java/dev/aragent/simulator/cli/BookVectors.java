package dev.aragent.simulator.cli;

import dev.aragent.agent.grounding.Document;
import dev.aragent.agent.grounding.Documents;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Embedder;
import dev.aragent.console.Progress;
import dev.aragent.simulator.book.SampleBook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Real embeddings for {@code bench rag}: the seeded sample book's invoices, payments, credit memos, notes and tickets,
 * rendered as the index renders them and embedded with MiniLM; queries are questions a collector asks, about one
 * account (filtered) or the whole book (unfiltered).
 */
final class BookVectors {
    private static final List<String> ACCOUNT_QUESTIONS = List.of(
            "did %s dispute an invoice?",
            "what did %s say about paying?",
            "when did %s last pay us and how much?",
            "which invoices of %s are still open?",
            "has %s promised a payment date?",
            "did %s complain about damaged or missing goods?",
            "is %s having cash flow problems?",
            "who is the billing contact at %s?");
    private static final List<String> BOOK_QUESTIONS = List.of(
            "customers disputing pricing on an invoice",
            "short-shipped orders and credit requests",
            "check mailed but not received",
            "promised to pay next week",
            "partial payment by ACH",
            "invoice paid late after reminder",
            "customer asking for a payment plan",
            "damaged goods on delivery");

    record Corpus(float[][] vectors, String[] accounts, List<String> texts) {}

    private BookVectors() {}

    /** Up to {@code max} documents of the sample book, embedded in batches with progress. */
    static Corpus embed(Embedder embedder, int max, Random random) {
        TenantId t = TenantId.of("bench");
        SampleBook book = SampleBook.generate(42, LocalDate.of(2026, 11, 2), 2400);
        List<Document> docs = new ArrayList<>();
        book.openInvoices().forEach(i -> docs.add(Documents.of(t, i)));
        book.history().forEach(i -> docs.add(Documents.of(t, i)));
        book.payments().forEach(p -> docs.add(Documents.of(t, p)));
        book.creditMemos().forEach(m -> docs.add(Documents.of(t, m)));
        book.notes().forEach(n -> docs.add(Documents.of(t, n)));
        Collections.shuffle(docs, random);
        List<Document> chosen = docs.subList(0, Math.min(max, docs.size()));
        float[][] vectors = new float[chosen.size()][];
        String[] accounts = new String[chosen.size()];
        List<String> texts = new ArrayList<>();
        Progress progress = new Progress(System.err, (chosen.size() + 255) / 256);
        for (int from = 0; from < chosen.size(); from += 256) {
            List<Document> batch = chosen.subList(from, Math.min(chosen.size(), from + 256));
            List<float[]> embedded =
                    embedder.embed(batch.stream().map(Document::text).toList());
            for (int i = 0; i < batch.size(); i++) {
                vectors[from + i] = embedded.get(i);
                accounts[from + i] = batch.get(i).account().value();
                texts.add(batch.get(i).text());
            }
            progress.advance("embedded " + Math.min(chosen.size(), from + 256) + " documents with MiniLM");
        }
        progress.finish("sample book embedded");
        return new Corpus(vectors, accounts, texts);
    }

    /** A collector's question about the account of document {@code i}, naming the customer as the documents do. */
    static String accountQuestion(Corpus c, int i, Random random) {
        String text = c.texts().get(i);
        String name = c.accounts()[i];
        return String.format(ACCOUNT_QUESTIONS.get(random.nextInt(ACCOUNT_QUESTIONS.size())), name)
                + (text.length() > 40 ? " " + text.substring(0, 40) : "");
    }

    static String bookQuestion(Random random) {
        return BOOK_QUESTIONS.get(random.nextInt(BOOK_QUESTIONS.size()));
    }
}
