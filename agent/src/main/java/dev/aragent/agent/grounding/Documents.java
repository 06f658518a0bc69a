package dev.aragent.agent.grounding;

import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.Note;
import dev.aragent.agent.ledger.Payment;
import dev.aragent.agent.ledger.TenantId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/** Renders ledger records as the readable documents the index holds and the drafter cites. */
public final class Documents {
    private Documents() {}

    public static Document of(TenantId tenant, Invoice i) {
        StringBuilder t = new StringBuilder("Invoice ")
                .append(i.number())
                .append(" issued ")
                .append(i.issueDate())
                .append(", due ")
                .append(i.dueDate())
                .append(", ")
                .append(i.amount().format());
        switch (i.status()) {
            case OPEN ->
                t.append(
                        i.openBalance().equals(i.amount())
                                ? ", unpaid"
                                : ", " + i.openBalance().format() + " still open");
            case PAID ->
                t.append(", paid in full")
                        .append(i.settledDate().map(d -> " on " + d).orElse(""));
            case CLOSED -> t.append(", no longer on the aging report");
        }
        i.poNumber().ifPresent(po -> t.append(", ").append(po.regionMatches(true, 0, "PO", 0, 2) ? po : "PO " + po));
        if (i.disputed()) {
            t.append(", disputed");
        }
        if (i.status() == InvoiceStatus.PAID && i.settledDate().isPresent()) {
            long late = java.time.temporal.ChronoUnit.DAYS.between(
                    i.dueDate(), i.settledDate().get());
            t.append(late > 0 ? ", " + late + " days late" : ", on time");
        }
        return new Document(
                tenant,
                i.customer(),
                DocType.INVOICE,
                i.number(),
                i.issueDate(),
                t.append('.').toString());
    }

    public static Document of(TenantId tenant, Payment p) {
        String applied = p.allocations().isEmpty()
                ? "not applied to an invoice"
                : "applied to "
                        + p.allocations().stream()
                                .map(a -> a.invoiceNumber() + " (" + a.amount().format() + ")")
                                .collect(Collectors.joining(", "));
        return new Document(
                tenant,
                p.customer(),
                DocType.PAYMENT,
                p.reference(),
                p.receivedOn(),
                "Payment " + p.reference() + " of " + p.amount().format() + " received " + p.receivedOn()
                        + p.method().map(m -> " by " + m).orElse("") + ", " + applied + ".");
    }

    public static Document of(TenantId tenant, CreditMemo m) {
        return new Document(
                tenant,
                m.customer(),
                DocType.CREDIT_MEMO,
                m.number(),
                m.issueDate(),
                "Credit memo " + m.number() + " of " + m.amount().format() + " issued " + m.issueDate()
                        + m.appliesTo().map(a -> " for " + a).orElse("") + ", not yet applied.");
    }

    public static Document of(TenantId tenant, Note n) {
        LocalDate day = n.createdAt().atOffset(ZoneOffset.UTC).toLocalDate();
        String head = n.kind() == Note.Kind.TICKET
                ? "Support ticket" + n.subject().map(s -> " \"" + s + "\"").orElse("")
                        + n.ticketStatus().map(s -> " (" + s + ")").orElse("")
                : "CRM note by " + (n.author().isBlank() ? "staff" : n.author());
        return new Document(
                tenant,
                n.customer(),
                n.kind() == Note.Kind.TICKET ? DocType.TICKET : DocType.NOTE,
                n.reference(),
                day,
                head + " on " + day + ": " + n.body());
    }

    /**
     * The account's terms as the book shows them: payment terms (the usual days from issue to due on its invoices),
     * credit limit, customer since, segment and tags. A contract-term document, so "what are their terms?" is grounded.
     */
    public static Document terms(TenantId tenant, Customer c, java.util.List<Invoice> invoices) {
        java.util.Map<Long, Long> gaps = invoices.stream()
                .collect(Collectors.groupingBy(
                        i -> java.time.temporal.ChronoUnit.DAYS.between(i.issueDate(), i.dueDate()),
                        Collectors.counting()));
        StringBuilder t = new StringBuilder("Account terms for ")
                .append(c.name())
                .append(" (")
                .append(c.key().value())
                .append("): ");
        java.util.List<String> parts = new java.util.ArrayList<>();
        gaps.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .ifPresent(
                        g -> parts.add("payment terms Net " + g.getKey() + " (from " + invoices.size() + " invoices)"));
        c.creditLimit().ifPresent(l -> parts.add("credit limit " + l.format()));
        c.customerSince().ifPresent(d -> parts.add("customer since " + d));
        c.segment().ifPresent(s -> parts.add("segment " + s));
        if (!c.tags().isEmpty()) {
            parts.add("tags " + String.join(", ", c.tags()));
        }
        t.append(parts.isEmpty() ? "no terms on file" : String.join(", ", parts))
                .append('.');
        LocalDate day = c.customerSince()
                .or(() -> invoices.stream().map(Invoice::issueDate).min(LocalDate::compareTo))
                .orElse(LocalDate.of(2000, 1, 1));
        return new Document(
                tenant, c.key(), DocType.CONTRACT_TERM, "terms-" + c.key().value(), day, t.toString());
    }
}
