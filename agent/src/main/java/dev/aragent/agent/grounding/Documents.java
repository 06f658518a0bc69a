package dev.aragent.agent.grounding;

import dev.aragent.agent.ledger.CreditMemo;
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
}
