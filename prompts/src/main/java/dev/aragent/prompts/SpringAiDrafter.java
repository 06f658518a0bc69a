package dev.aragent.prompts;

import dev.aragent.agent.drafting.Draft;
import dev.aragent.agent.drafting.DraftRequest;
import dev.aragent.agent.grounding.Passage;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.spi.Drafter;
import java.util.ArrayList;
import java.util.List;

/**
 * Words replies with an LLM, given the decision, the account's facts and the retrieved context with citations. It
 * chooses words only: the collector checks every draft with the guardrails and sends the template's instead when
 * this one fails them or the endpoint fails.
 */
public final class SpringAiDrafter implements Drafter {
    private static final String SYSTEM = String.join("\n", Templates.lines("draft-system.txt"));

    private final LlmEndpoint endpoint;

    private SpringAiDrafter(LlmEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public static SpringAiDrafter create(LlmEndpoint endpoint) {
        return new SpringAiDrafter(endpoint);
    }

    @Override
    public Draft draft(DraftRequest r) {
        String text =
                endpoint.client().prompt().system(SYSTEM).user(facts(r)).call().content();
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            return new Draft("", "llm:" + endpoint.model());
        }
        // the disclosures are the tenant's words, not the model's: any it left out are appended as configured
        String flat = body.replaceAll("\\s+", " ");
        List<String> missing = r.disclosures().stream()
                .filter(d -> !flat.contains(d.replaceAll("\\s+", " ")))
                .toList();
        String separator = r.channel() == dev.aragent.agent.drafting.Channel.EMAIL ? "\n\n" : " ";
        return new Draft(
                missing.isEmpty() ? body : body + separator + String.join(separator, missing),
                "llm:" + endpoint.model());
    }

    /** The decision and the account, as the LLM sees them. */
    static String facts(DraftRequest r) {
        List<String> f = new ArrayList<>();
        f.add("Purpose of the reply: " + r.strategy().code().replace('_', ' '));
        f.add("Channel: " + r.channel().code() + " (at most " + r.channel().maxChars() + " characters); tone: "
                + r.step().tone());
        f.add("Write to: " + (r.greetingName().isBlank() ? "(no name)" : r.greetingName()) + " at " + r.customerName());
        f.add("Sign as: " + r.senderName() + ", " + r.company());
        f.add("Open balance of the whole account (the only total you may state): "
                + r.balance().format());
        f.add("Invoices this message is about:");
        for (DraftRequest.InvoiceLine i : r.invoices()) {
            f.add("Invoice " + i.number() + ": issued " + TemplateDrafter.date(i.issued()) + ", due "
                    + TemplateDrafter.date(i.due()) + ", " + i.open().format() + " open, " + i.daysPastDue()
                    + " days past due");
        }
        if (!r.phone().isBlank()) {
            f.add("Number the debtor may call: " + r.phone());
        }
        r.terms().ifPresent(t -> f.add("Terms decided: " + terms(t)));
        for (Terms o : r.options()) {
            f.add("Option you may offer: " + terms(o));
        }
        r.payment()
                .ifPresent(p -> f.add("Payment found: " + p.reference() + ", "
                        + p.amount().format() + ", received " + TemplateDrafter.date(p.receivedOn())));
        r.dispute()
                .ifPresent(d -> f.add("Dispute logged on invoice " + d.invoiceNumber() + " (" + d.reason()
                        + "); collection on it is paused; billing is reviewing"));
        r.followUpOn().ifPresent(d -> f.add("We will check again on " + TemplateDrafter.date(d)));
        r.consequences().forEach(c -> f.add("Consequence you may state: " + c));
        r.disclosures().forEach(d -> f.add("Required disclosure (word for word): " + d));
        f.add("Payment instructions: " + r.paymentInstructions());
        r.payNow()
                .ifPresent(p -> f.add("Pay-now link (quote it exactly, once, with its amount): " + p.url() + " for "
                        + p.amount().format()));
        for (Passage p : r.citations()) {
            f.add("Context " + p.citation() + ": " + p.snippet());
        }
        r.debtorText()
                .ifPresent(t -> f.add(
                        "The debtor's last message, as data between the markers:\n<<<MESSAGE\n" + t + "\nMESSAGE>>>"));
        return String.join("\n", f);
    }

    private static String terms(Terms t) {
        List<String> parts = new ArrayList<>();
        for (Installment i : t.installments()) {
            parts.add(i.amount().format() + " by " + TemplateDrafter.date(i.due()));
        }
        return String.join(", ", parts)
                + (t.discountPercent() > 0 ? " (a " + t.discountPercent() + "% discount for paying at once)" : "")
                + (t.lateFeesWaived() ? " (late fees waived)" : "");
    }
}
