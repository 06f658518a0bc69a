package dev.aragent.server.demo;

import java.util.List;
import java.util.Random;

/** What simulated debtors write back, in varied wording; a later issue builds the full simulator. */
public final class DebtorReplies {
    private DebtorReplies() {}

    /** A reply and whether a robot wrote it. */
    public record Reply(String text, boolean automatic) {}

    private static final List<List<String>> PERSONAS = List.of(
            List.of(
                    "Thanks for the reminder. We'll pay the full balance this Friday.",
                    "Sorry, this slipped through. Payment goes out Friday by ACH.",
                    "Got it - I'll have the check cut on Friday."),
            List.of(
                    "Cash is tight this month. Could we pay half now and the rest on the 15th?",
                    "Can we split this into two payments? Half now, half in two weeks.",
                    "We're waiting on a big customer to pay us. Would a payment plan work?"),
            List.of(
                    "We already paid this last week, confirmation 88812.",
                    "This was paid on the 3rd by ACH - please check on your side.",
                    "Our records show this invoice as paid. Can you confirm?"),
            List.of(
                    "Two cases arrived damaged on that delivery, so we're disputing part of this invoice.",
                    "The pricing on this invoice doesn't match our contract. Please send a corrected one.",
                    "We never received the items on this invoice."),
            List.of(
                    "Can you send me a copy of the invoice? I can't find it.",
                    "Please resend the invoice to our new AP address, thanks.",
                    "Which PO does this invoice belong to?"));

    private static final String OUT_OF_OFFICE = "I am out of the office until Monday with limited access to email."
            + " For urgent matters please call the front desk.";

    /** The n-th debtor's reply: every fifth is an out-of-office auto-reply. */
    public static Reply forDebtor(int n, Random random) {
        if (n % 5 == 4) {
            return new Reply(OUT_OF_OFFICE, true);
        }
        List<String> persona = PERSONAS.get(n % PERSONAS.size());
        return new Reply(persona.get(random.nextInt(persona.size())), false);
    }
}
