package dev.aragent.simulator;

import java.util.List;
import java.util.Random;

/**
 * How a simulated debtor behaves: how likely the persona is in the book, what they write (several wordings, with a
 * varied greeting and sign-off), and how they pay. The same persona and the same random draws meet both the agent and
 * plain dunning; what differs is what each does with their words.
 */
enum Persona {
    PAYS_ON_REMINDER("pays on the first reminder", 24, List.of()),
    PAYS_AFTER_PLAN(
            "pays after a plan offer",
            14,
            List.of(
                    "Cash is tight this month. Could we pay half now and the rest in two weeks?",
                    "Can we split this into two payments? Half now, the rest in two weeks.",
                    "Money is tight right now - would half today and the remainder in 2 weeks work?",
                    "We want to clear this but need a little time: half this week and the balance two weeks later?",
                    "Business is slow this quarter. Could we pay {monthly} a month for the next 12 months?")),
    DISPUTES(
            "disputes with a reason",
            8,
            List.of(
                    "Two cases arrived damaged on that delivery, so we're disputing invoice {invoice}.",
                    "The pricing on {invoice} is wrong, we were quoted a lower rate.",
                    "We never received the items on invoice {invoice}.",
                    "Invoice {invoice} was short shipped - we only got part of the order.")),
    PAID_TRULY(
            "says it is paid (true)",
            5,
            List.of(
                    "We already paid this last week, please check.",
                    "This was paid already by ACH - please check on your side.",
                    "Our records show this as paid a few days ago. Can you confirm?")),
    PAID_FALSELY(
            "says it is paid (not true)",
            4,
            List.of(
                    "I'm pretty sure we paid this already.",
                    "That should have been paid - check again.",
                    "We sent a check for this a while ago.")),
    GHOSTS("never answers email", 18, List.of()),
    WRONG_CONTACT(
            "wrong contact",
            6,
            List.of(
                    "I no longer handle payables here. Please contact {new_name} at {new_email}.",
                    "Wrong person - accounts payable is {new_name}, {new_email}.",
                    "I left the accounting team; reach {new_name} at {new_email} for invoices.")),
    HOSTILE(
            "hostile",
            6,
            List.of(
                    "Stop harassing us. You'll get paid when we get paid.",
                    "This is ridiculous, your reminders are useless and so is your service.",
                    "Enough with the emails. We are not paying this until your company fixes its mess.")),
    OPTS_OUT(
            "opts out",
            4,
            List.of(
                    "Please stop emailing me about this.",
                    "Unsubscribe me from these messages.",
                    "Do not contact me again by email.")),
    OUT_OF_OFFICE(
            "out of office",
            5,
            List.of(
                    "I am out of the office until {back} with limited access to email.",
                    "Automatic reply: I'm away until {back}. I will respond when I return.",
                    "Out of office - back on {back}.")),
    ASKS_FOR_A_CALL(
            "asks for a call",
            6,
            List.of(
                    "Can someone call me to discuss this?",
                    "I'd rather talk this through on the phone - please give me a call.",
                    "Please call me, it's easier to sort out by phone."));

    private static final List<String> GREETINGS = List.of("", "Hi,\n\n", "Hello,\n\n", "Good morning,\n\n");
    private static final List<String> SIGN_OFFS = List.of("", "\n\nThanks", "\n\nRegards", "\n\nBest");

    private final String label;
    private final int weight;
    private final List<String> words;

    Persona(String label, int weight, List<String> words) {
        this.label = label;
        this.weight = weight;
        this.words = words;
    }

    String label() {
        return label;
    }

    /** Whether they write back to the first reminder at all. */
    boolean answers() {
        return !words.isEmpty();
    }

    boolean automatic() {
        return this == OUT_OF_OFFICE;
    }

    /** A persona drawn by the book's mix. */
    static Persona draw(Random random) {
        int total = 0;
        for (Persona p : values()) {
            total += p.weight;
        }
        int x = random.nextInt(total);
        for (Persona p : values()) {
            x -= p.weight;
            if (x < 0) {
                return p;
            }
        }
        throw new IllegalStateException("weights");
    }

    /** Their first answer, worded one of several ways, with the slots filled. */
    String firstAnswer(Random random, java.util.Map<String, String> slots) {
        String body = fill(words.get(random.nextInt(words.size())), slots);
        if (automatic()) {
            return body;
        }
        return GREETINGS.get(random.nextInt(GREETINGS.size())) + body + SIGN_OFFS.get(random.nextInt(SIGN_OFFS.size()));
    }

    /** Their first answer by text: no greeting or sign-off; an opt-out is the carriers' keyword or words like it. */
    String firstText(Random random, java.util.Map<String, String> slots) {
        List<String> from = this == OPTS_OUT ? TEXT_OPT_OUTS : words;
        return fill(from.get(random.nextInt(from.size())), slots);
    }

    private static final List<String> TEXT_OPT_OUTS =
            List.of("STOP", "Stop", "STOP texting me", "Unsubscribe", "Please stop sending me texts.");

    private static String fill(String text, java.util.Map<String, String> slots) {
        String out = text;
        for (var e : slots.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }
}
