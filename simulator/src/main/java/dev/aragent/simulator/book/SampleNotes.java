package dev.aragent.simulator.book;

import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Note;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * CRM notes and help-desk tickets for a sample customer, in a tone that follows how the account pays: warm for
 * reliable payers, strained for slow ones, tense for accounts in distress.
 */
final class SampleNotes {
    private SampleNotes() {}

    private static final List<String> WARM = List.of(
            "Spoke with %s, always pays on time. Asked about volume pricing for next quarter.",
            "Quarterly check-in with %s went well; happy with delivery windows.",
            "%s confirmed the new AP email for invoices. Very responsive.",
            "Thanked %s for early payment last month; offered to set up ACH autopay.");
    private static final List<String> STRAINED = List.of(
            "Left voicemail for %s about the overdue balance. No callback yet.",
            "%s said cash flow is tight this month, expects to catch up after the 15th.",
            "Called %s: invoice was stuck in their approval queue, will chase internally.",
            "%s asked for a copy of last month's invoices; resent by email.",
            "%s promised payment by Friday for the oldest invoice.");
    private static final List<String> TENSE = List.of(
            "%s was upset about repeated reminders and asked us to stop calling the front desk.",
            "%s disputes the fuel surcharge on recent deliveries and is withholding payment until resolved.",
            "Third missed promise from %s. Owner mentioned slow season and possible closure of one location.",
            "%s said the check was mailed two weeks ago; nothing received. Asked for proof of payment.",
            "%s is unhappy with short-shipped orders and wants credit before paying anything else.");
    private static final List<String> TICKETS = List.of(
            "Damaged pallet on delivery|Two cases arrived crushed on the last delivery, need replacement or credit.",
            "Wrong pricing on invoice|Invoice shows list price instead of our contract price.",
            "Request invoice copies|Please resend all open invoices to our new AP mailbox.",
            "Late delivery|Order arrived a day late and we had to buy locally.",
            "Update billing contact|Our bookkeeper changed, please send invoices to the new address.",
            "Missing items|Three items on the packing slip were not in the shipment.");
    private static final List<String> AUTHORS = List.of("Dana (AR)", "Luis (AR)", "Kim (Sales)", "Ops desk");

    static List<Note> forCustomer(
            SplittableRandom random,
            CustomerKey key,
            String name,
            Segment segment,
            double reliability,
            boolean distressed,
            LocalDate asOf,
            Supplier<String> ids) {
        List<Note> notes = new ArrayList<>();
        List<String> tone = distressed ? TENSE : reliability * segment.lateProbability > 0.35 ? STRAINED : WARM;
        int count = distressed ? 2 + random.nextInt(3) : random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String text = tone.get(random.nextInt(tone.size())).formatted(name);
            notes.add(new Note(
                    key,
                    ids.get(),
                    Note.Kind.NOTE,
                    at(random, asOf),
                    "crm",
                    AUTHORS.get(random.nextInt(AUTHORS.size())),
                    Optional.empty(),
                    text,
                    Optional.empty()));
        }
        if (random.nextDouble() < (distressed ? 0.6 : 0.15)) {
            String[] ticket = TICKETS.get(random.nextInt(TICKETS.size())).split("\\|");
            notes.add(new Note(
                    key,
                    ids.get(),
                    Note.Kind.TICKET,
                    at(random, asOf),
                    "helpdesk",
                    "Support",
                    Optional.of(ticket[0]),
                    ticket[1],
                    Optional.of(random.nextBoolean() ? "open" : "solved")));
        }
        return notes;
    }

    private static java.time.Instant at(SplittableRandom random, LocalDate asOf) {
        return asOf.minusDays(random.nextInt(1, 150))
                .atTime(14 + random.nextInt(0, 8), random.nextInt(0, 60))
                .toInstant(ZoneOffset.UTC);
    }
}
