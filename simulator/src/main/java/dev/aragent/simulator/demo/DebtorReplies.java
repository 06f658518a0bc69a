package dev.aragent.simulator.demo;

import java.util.List;
import java.util.Random;

/**
 * What simulated debtors write back, in varied wording, persona by persona: a first answer to the reminder and, for
 * some, an answer to the agent's reply. Issue 9's simulator grows this into a quarter of collections.
 */
public final class DebtorReplies {
    private DebtorReplies() {}

    /** A debtor's behaviour: what they write first, and how they answer the agent's reply (if they do). */
    public enum Persona {
        PROMISES(
                "promise to pay",
                List.of(
                        "Thanks for the reminder. We'll pay the full balance this Friday.",
                        "Sorry, this slipped through. The full balance goes out Friday by ACH.",
                        "Got it - we will pay the whole balance on Friday."),
                List.of()),
        ASKS_FOR_A_PLAN(
                "plan inside policy",
                List.of(
                        "Cash is tight this month. Could we pay half now and the rest in two weeks?",
                        "Can we split this into two payments? Half now, the rest in two weeks.",
                        "Money is tight right now - would half today and the remainder in 2 weeks work?"),
                List.of()),
        SAYS_PAID(
                "already paid",
                List.of(
                        "We already paid this last week, please check.",
                        "This was paid already by ACH - please check on your side.",
                        "Our records show this invoice as paid last week. Can you confirm?"),
                List.of()),
        DISPUTES(
                "dispute",
                List.of(
                        "Two cases arrived damaged on that delivery, so we're disputing this invoice.",
                        "The pricing on this invoice is wrong, we were quoted a lower rate.",
                        "We never received the items on this invoice."),
                List.of()),
        AWAY("out of office", List.of(), List.of()),
        LOWBALLS_THEN_REFUSES(
                "counter refused, approval",
                List.of(
                        "We can only do $200 a month for the next year.",
                        "Honestly the best we can manage is $150 a month.",
                        "Could we pay $250 a month until it's cleared?"),
                List.of(
                        "No, that's too much for us right now, we can't.",
                        "That won't work for us, it's too much.",
                        "Not possible, we can't do that.")),
        OFFERS_PART_THEN_ACCEPTS(
                "counter accepted",
                List.of(
                        "We can pay $500 now and $500 next month.",
                        "How about $400 today and $400 in a month?",
                        "We could send $600 now and $600 next month."),
                List.of("OK, that works for us.", "Yes, let's do that.", "Sounds good, agreed.")),
        WRONG_CONTACT(
                "wrong contact",
                List.of(
                        "I no longer handle accounts payable here. Please contact Jane Porter, jane.porter@{domain}.",
                        "Wrong person - our new AP contact is Jane Porter (jane.porter@{domain}).",
                        "I've moved to sales. Please send invoices to Jane Porter at jane.porter@{domain} instead."),
                List.of());

        private final String label;
        private final List<String> first;
        private final List<String> second;

        Persona(String label, List<String> first, List<String> second) {
            this.label = label;
            this.first = first;
            this.second = second;
        }

        public String label() {
            return label;
        }

        public boolean automatic() {
            return this == AWAY;
        }

        public boolean answersTwice() {
            return !second.isEmpty();
        }

        /** The first answer, one of several wordings; {@code domain} is the debtor's email domain. */
        public String first(Random random, String domain) {
            return automatic() ? OUT_OF_OFFICE : pick(first, random).replace("{domain}", domain);
        }

        public String second(Random random) {
            return pick(second, random);
        }

        private static String pick(List<String> options, Random random) {
            return options.get(random.nextInt(options.size()));
        }
    }

    private static final String OUT_OF_OFFICE = "I am out of the office until Monday with limited access to email."
            + " For urgent matters please call the front desk.";

    /** The n-th debtor's persona: the list in order, again and again. */
    public static Persona forDebtor(int n) {
        return Persona.values()[n % Persona.values().length];
    }
}
