package dev.aragent.agent.cash;

import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;

/**
 * What a customer told us it paid, before or after the money arrives: the words of an email (its text and its
 * attachments' — a remittance advice PDF, spreadsheet or CSV) or of a text message, kept as written. The matcher reads
 * them ({@link Remittance}) against what is open when a receipt from that customer names nothing itself.
 *
 * @param source where it was said ({@code email <message-id>}, {@code sms})
 */
public record Advised(CustomerKey customer, String source, String text, Instant at) {

    /** Whether {@code text} reads as a remittance: a payment word and something written like an invoice number. */
    public static boolean remits(String text) {
        return PAYMENT.matcher(text).find() && NUMBER.matcher(text).find();
    }

    private static final java.util.regex.Pattern PAYMENT = java.util.regex.Pattern.compile(
            "(?iuU)\\b(paid|pay(ing|ment)?s?|remit(tance|ted)?|transfer(red)?|wired?|ach|cheque|check|settled?|"
                    + "bezahlt|zahlung|überwiesen|payé|paiement|virement|pagado|pago|transferencia)\\b");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d{3,}");
}
