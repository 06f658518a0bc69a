package dev.aragent.agent.queue;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which channel reaches an account, and from when: a customer rule first; opted out of email and SMS stops automated
 * outreach; a call first for high value 30+ days late, or from the call minimum on, two broken promises in 60 days or
 * three unanswered messages;
 * SMS first after two unanswered emails; otherwise email, then SMS, then call — skipping a channel at its frequency
 * cap, and waiting for the earliest free slot when every allowed one is capped. Each rule applied adds a note.
 */
final class Channels {
    private Channels() {}

    record Choice(Reach reach, Optional<Contact> contact, Instant notBefore) {}

    static Choice choose(Candidate c, QueueRules rules, Money amount, List<String> notes, Instant now) {
        List<Contact> contacts = c.account().customer().contacts();
        Optional<Contact> email = contacts.stream()
                .filter(k -> k.email().isPresent() && !k.emailOptOut())
                .findFirst();
        Optional<Contact> sms = contacts.stream()
                .filter(k -> k.phone().isPresent() && !k.smsOptOut())
                .findFirst();
        Optional<Contact> phone =
                contacts.stream().filter(k -> k.phone().isPresent()).findFirst();
        QueueRules.CustomerRule override =
                rules.customers().get(c.account().customer().key());
        if (override != null && override.channel().isPresent()) {
            Reach forced = override.channel().get();
            notes.add("customer rule: " + forced.code() + " only"
                    + (override.note().isBlank() ? "" : " (" + override.note() + ")"));
            Optional<Contact> who = forced == Reach.EMAIL ? email : forced == Reach.SMS ? sms : phone;
            if (who.isEmpty() && (forced == Reach.EMAIL || forced == Reach.SMS)) {
                notes.add("no contact may receive " + forced.code() + " (none on file or opted out): a person decides");
                return new Choice(Reach.HUMAN, contacts.stream().findFirst(), now);
            }
            return new Choice(forced, who.or(() -> contacts.stream().findFirst()), now);
        }
        if (contacts.stream().anyMatch(k -> k.email().isPresent() && k.emailOptOut())) {
            notes.add("email opted out");
        }
        if (contacts.stream().anyMatch(k -> k.phone().isPresent() && k.smsOptOut())) {
            notes.add("SMS opted out");
        }
        if (email.isEmpty() && sms.isEmpty() && contacts.stream().anyMatch(k -> k.emailOptOut() || k.smsOptOut())) {
            notes.add("opted out of email and SMS: automated outreach stopped, a person decides");
            return new Choice(Reach.HUMAN, phone.or(() -> contacts.stream().findFirst()), now);
        }
        var summary = c.summary();
        List<Reach> order = new ArrayList<>();
        boolean highValue = amount.minor() >= rules.highValueMinor() && c.maxDays() >= 30;
        boolean worthACall = amount.minor() >= rules.callMinimumMinor();
        boolean unheard = summary.broken60() >= 2 || summary.unanswered() >= 3;
        if (phone.isPresent() && unheard && !worthACall && !highValue) {
            notes.add(String.format(
                    Locale.ROOT,
                    "%s, but %s is below the call minimum (%s): in writing",
                    summary.broken60() >= 2
                            ? summary.broken60() + " broken promises in 60 days"
                            : summary.unanswered() + " messages without an answer",
                    amount.format(),
                    new Money(rules.callMinimumMinor(), amount.currency()).format()));
        }
        if (phone.isPresent() && (highValue || worthACall && unheard)) {
            notes.add(
                    summary.broken60() >= 2
                            ? summary.broken60() + " broken promises in 60 days: call"
                            : highValue
                                    ? "high value (" + amount.format() + ") and " + c.maxDays() + " days late: call"
                                    : summary.unanswered() + " messages without an answer: call");
            order.addAll(List.of(Reach.CALL, Reach.EMAIL, Reach.SMS));
        } else if (summary.unanswered() >= 2 && sms.isPresent()) {
            notes.add(summary.unanswered() + " emails without an answer: try SMS");
            order.addAll(List.of(Reach.SMS, Reach.EMAIL, Reach.CALL));
        } else {
            order.addAll(List.of(Reach.EMAIL, Reach.SMS, Reach.CALL));
        }
        Instant earliest = null;
        Reach deferred = null;
        for (Reach r : order) {
            Optional<Contact> who = r == Reach.EMAIL ? email : r == Reach.SMS ? sms : phone;
            if (who.isEmpty()) {
                continue;
            }
            QueueRules.Cap cap = rules.caps().get(r);
            if (cap == null) {
                return new Choice(r, who, now);
            }
            Instant windowStart = now.minus(cap.days(), ChronoUnit.DAYS);
            var channel =
                    switch (r) {
                        case EMAIL -> dev.aragent.agent.drafting.Channel.EMAIL;
                        case SMS -> dev.aragent.agent.drafting.Channel.SMS;
                        default -> dev.aragent.agent.drafting.Channel.VOICE;
                    };
            long sent = c.account().activity().sent(channel, windowStart, now.plusSeconds(1));
            if (sent < cap.max()) {
                return new Choice(r, who, now);
            }
            notes.add(String.format(Locale.ROOT, "%s cap reached (%d in %d days)", r.code(), cap.max(), cap.days()));
            Instant frees = c.account().activity().touches().stream()
                    .filter(t -> !t.inbound() && t.channel() == channel && !t.at().isBefore(windowStart))
                    .map(t -> t.at().plus(cap.days(), ChronoUnit.DAYS))
                    .min(Comparator.naturalOrder())
                    .orElse(now);
            if (earliest == null || frees.isBefore(earliest)) {
                earliest = frees;
                deferred = r;
            }
        }
        if (deferred != null) {
            Reach r = deferred;
            notes.add("every allowed channel is at its cap: " + r.code() + " when the cap frees");
            return new Choice(r, r == Reach.EMAIL ? email : r == Reach.SMS ? sms : phone, earliest);
        }
        notes.add("no reachable contact (none on file, or all opted out): a person must find one");
        return new Choice(Reach.HUMAN, contacts.stream().findFirst(), now);
    }
}
