package dev.aragent.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.conversation.ConversationState;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.policy.Installment;
import dev.aragent.server.App;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message audit ({@code simulate --messages FILE.jsonl}): every message the agent's arm sends — email, text, and
 * what it says on calls — with the ledger at the instant it went out (the account's open total and open invoices, the
 * contact's status as the debtor stated it, the conversation's terms), and what in it is not true. It reads the books
 * its own way (not through the drafting path), so a message that states a part of the balance as the total, goes to
 * an address that said stop or "not me", asks for a payment on the day it is offered, or says "agreed" before the
 * debtor did, is a violation.
 */
final class MessageAudit {
    private static final String MONEY = "((?:\\$|[A-Z]{3} )[\\d,]+\\.\\d{2})";
    /** Where a message states an amount as the account's total. */
    private static final List<Pattern> TOTALS = List.of(
            Pattern.compile("(?i)open balance[^$\\n]{0,60}?" + MONEY),
            Pattern.compile("(?i)total open:? " + MONEY),
            Pattern.compile("(?i)\\bhas " + MONEY + " open\\b"),
            Pattern.compile("(?i)\\bshow " + MONEY + " open\\b"),
            Pattern.compile("(?i)\\bthe " + MONEY + " (?:balance|payment)\\b"),
            Pattern.compile("(?i)\\bbalance of " + MONEY),
            Pattern.compile("(?i)\\bwhole balance,? " + MONEY));
    /** Words that say terms are agreed. */
    private static final Pattern AGREED = Pattern.compile(
            "(?i)\\bplan agreed\\b|\\bhave agreed\\b|\\bas agreed\\b|\\bagreeing a plan\\b|\\bwe have noted your"
                    + " payment\\b|\\bnoted: ");
    /** A payment asked for by a date, in what we offer. */
    private static final Pattern BY_DATE = Pattern.compile("\\bby ([A-Z][a-z]+ \\d{1,2}, \\d{4})");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    /** Kinds whose dates are the debtor's own (a confirmation repeats what they proposed or accepted). */
    private static final Set<String> THEIR_DATES =
            Set.of("confirm_promise", "confirm_plan", "promise_broken", "payment_found", "ask_remittance");

    /** One message as the audit saw it. */
    record Entry(
            Instant sentAt,
            String channel,
            String to,
            String tenant,
            String account,
            String kind,
            String text,
            long openTotalMinor,
            String currency,
            Map<String, Long> invoices,
            String contactStatus,
            String terms,
            List<Installment> installments,
            List<String> violations) {}

    private final App app;
    private final TenantId tenant;
    private final Clock clock;
    private final ZoneId zone;
    /** An address's status as its debtor stated it: valid, wrong_contact, opted_out. */
    private final Function<String, String> contactStatus;

    private final Optional<Writer> out;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<UUID> seen = new HashSet<>();
    private final Set<String> callLinesSeen = new HashSet<>();
    /** Messages that went to an address after its debtor said stop or "not me": the first may confirm it. */
    private final Map<String, Integer> afterStatement = new LinkedHashMap<>();

    private long low;
    private int messages;
    private final List<Entry> violations = new ArrayList<>();

    MessageAudit(
            App app,
            TenantId tenant,
            Clock clock,
            ZoneId zone,
            Function<String, String> contactStatus,
            Optional<Writer> out) {
        this.app = app;
        this.tenant = tenant;
        this.clock = clock;
        this.zone = zone;
        this.contactStatus = contactStatus;
        this.out = out;
    }

    int messages() {
        return messages;
    }

    List<Entry> violations() {
        return List.copyOf(violations);
    }

    /** Audits what went out since the last call (call it after every phase that sends). */
    void collect() {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = app.database()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                                select m.message_id, m.seq, m.channel, m.to_address, m.body_text, m.status,
                                       c.customer_key, c.conversation_id
                                from messages m join conversations c
                                  on c.tenant_id = m.tenant_id and c.conversation_id = m.conversation_id
                                where m.tenant_id = :t and m.direction = 'outbound' and m.seq > :low
                                order by m.seq""")
                        .bind("t", tenant.value())
                        .bind("low", low)
                        .mapToMap()
                        .list());
        long pending = Long.MAX_VALUE;
        long last = low;
        for (Map<String, Object> r : rows) {
            long seq = ((Number) r.get("seq")).longValue();
            last = Math.max(last, seq);
            String status = (String) r.get("status");
            if (status.equals("queued")) {
                pending = Math.min(pending, seq);
                continue;
            }
            UUID id = (UUID) r.get("message_id");
            if (!Set.of("sent", "delivered", "read").contains(status) || !seen.add(id)) {
                continue;
            }
            audit(
                    now,
                    (String) r.get("channel"),
                    (String) r.get("to_address"),
                    CustomerKey.of((String) r.get("customer_key")),
                    new ConversationId((UUID) r.get("conversation_id")),
                    Optional.ofNullable((String) r.get("body_text")).orElse(""));
        }
        low = pending == Long.MAX_VALUE ? last : pending - 1;
        calls(now);
    }

    /** What the agent said on calls since the last look. */
    private void calls(Instant now) {
        List<Map<String, Object>> lines = app.database()
                .jdbi()
                .withHandle(h ->
                        h.createQuery("""
                                select l.call_sid, l.line_no, l.text, c.conversation_id, v.customer_key
                                from call_lines l join calls c on c.tenant_id = l.tenant_id and c.call_sid = l.call_sid
                                join conversations v on v.tenant_id = c.tenant_id and v.conversation_id = c.conversation_id
                                where l.tenant_id = :t and l.speaker = 'agent'
                                order by l.line_no""").bind("t", tenant.value()).mapToMap().list());
        for (Map<String, Object> l : lines) {
            String key = l.get("call_sid") + "#" + l.get("line_no");
            if (!callLinesSeen.add(key)) {
                continue;
            }
            audit(
                    now,
                    "call",
                    "call " + l.get("call_sid"),
                    CustomerKey.of((String) l.get("customer_key")),
                    new ConversationId((UUID) l.get("conversation_id")),
                    (String) l.get("text"));
        }
    }

    private void audit(
            Instant at, String channel, String to, CustomerKey customer, ConversationId conversation, String text) {
        messages++;
        // the ledger at this instant, read here from the books themselves
        List<Invoice> invoices = app.ledger().accountFile(tenant, customer).invoices();
        Set<String> paused = app.ledger().pausedInvoices(tenant, customer);
        Map<String, Long> open = new LinkedHashMap<>();
        long total = 0;
        String currency = app.settings().currency().getCurrencyCode();
        for (Invoice i : invoices) {
            if (i.status() == InvoiceStatus.OPEN
                    && !i.disputed()
                    && !paused.contains(i.number())
                    && i.openBalance().minor() > 0) {
                open.put(i.number(), i.openBalance().minor());
                total += i.openBalance().minor();
                currency = i.openBalance().currency().getCurrencyCode();
            }
        }
        ConversationState state = app.mailJournal().state(tenant, conversation);
        String kind = state.lastStrategy().map(s -> s.code()).orElse("reminder");
        String terms =
                !state.openPromises().isEmpty() ? "agreed" : state.lastOffer().isPresent() ? "offered" : "none";
        List<Installment> installments = !state.openPromises().isEmpty()
                ? state.openPromises().stream()
                        .map(p -> new Installment(p.due(), p.amount()))
                        .toList()
                : state.lastOffer().map(t -> t.installments()).orElse(List.of());
        String status = channel.equals("call") ? "valid" : contactStatus.apply(to.toLowerCase(Locale.ROOT));
        int sinceStatement =
                status.equals("valid") ? 0 : afterStatement.merge(to.toLowerCase(Locale.ROOT), 1, Integer::sum);
        List<String> wrong = new ArrayList<>(untrue(
                text,
                channel,
                kind,
                total,
                currency,
                status,
                sinceStatement,
                terms,
                at.atZone(zone).toLocalDate()));
        if (channel.equals("email")) {
            Optional<String> recipient = app.ledger().customer(tenant, customer).stream()
                    .flatMap(c -> c.contacts().stream())
                    .filter(k -> k.email().map(m -> m.equalsIgnoreCase(to)).orElse(false))
                    .map(k -> k.name())
                    .filter(n -> !n.isBlank())
                    .findFirst();
            misgreets(text, recipient).ifPresent(wrong::add);
        }
        Entry e = new Entry(
                at,
                channel,
                to,
                tenant.value(),
                customer.value(),
                kind,
                text,
                total,
                currency,
                open,
                status,
                terms,
                installments,
                wrong);
        if (!wrong.isEmpty()) {
            violations.add(e);
        }
        write(e);
    }

    /**
     * What in one message is untrue: a total that is not {@code openTotal}; a message to an address whose debtor said
     * stop or "not me" beyond the one that confirms it ({@code sinceStatement} counts them); a payment we offer due on
     * {@code day}, the day of the offer; "agreed" wording when the conversation's {@code terms} are not agreed.
     */
    static List<String> untrue(
            String text,
            String channel,
            String kind,
            long openTotal,
            String currency,
            String status,
            int sinceStatement,
            String terms,
            LocalDate day) {
        List<String> wrong = new ArrayList<>();
        for (Pattern p : TOTALS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (minor(m.group(1)) != openTotal) {
                    wrong.add("states " + m.group(1) + " as the total; the account's open balance is "
                            + money(openTotal, currency));
                }
            }
        }
        if (sinceStatement > 1) {
            wrong.add("sent to an address that is " + status.replace('_', ' ') + " (" + sinceStatement
                    + " messages since they said so)");
        }
        if (!THEIR_DATES.contains(kind) && !channel.equals("call")) {
            Matcher m = BY_DATE.matcher(text);
            while (m.find()) {
                parse(m.group(1))
                        .filter(d -> !d.isAfter(day))
                        .ifPresent(d -> wrong.add("asks for a payment by " + d + ", the day it is offered"));
            }
        }
        if (AGREED.matcher(text).find() && !terms.equals("agreed")) {
            wrong.add("says terms are agreed; the conversation's terms are " + terms);
        }
        return wrong;
    }

    private static final Pattern GREETING = Pattern.compile("\\A\\s*Hello ([^,\\n]+),");

    /** An email that greets someone other than the person on file at the address it goes to. */
    static Optional<String> misgreets(String text, Optional<String> recipientName) {
        Matcher m = GREETING.matcher(text);
        if (!m.find() || recipientName.isEmpty()) {
            return Optional.empty();
        }
        String first = recipientName.get().strip().split("\\s+")[0];
        return m.group(1).strip().equalsIgnoreCase(first)
                ? Optional.empty()
                : Optional.of("greets " + m.group(1).strip() + "; the person on file at this address is "
                        + recipientName.get().strip());
    }

    private void write(Entry e) {
        if (out.isEmpty()) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent_at", e.sentAt().toString());
        m.put("channel", e.channel());
        m.put("to", e.to());
        m.put("tenant", e.tenant());
        m.put("account", e.account());
        m.put("kind", e.kind());
        m.put("text", e.text());
        m.put("open_total", decimal(e.openTotalMinor()));
        m.put("currency", e.currency());
        List<Map<String, Object>> invoices = new ArrayList<>();
        e.invoices().forEach((n, v) -> invoices.add(Map.of("number", n, "open", decimal(v))));
        m.put("invoices", invoices);
        m.put("contact_status", e.contactStatus());
        m.put("terms", e.terms());
        m.put(
                "installments",
                e.installments().stream()
                        .map(i -> Map.of(
                                "due", i.due().toString(), "amount", i.amount().toPlainString()))
                        .toList());
        m.put("violations", e.violations());
        try {
            out.get().write(json.writeValueAsString(m));
            out.get().write('\n');
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private static String money(long minor, String currency) {
        return (currency.equals("USD") ? "$" : currency + " ")
                + String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(minor, 2));
    }

    private static long minor(String stated) {
        return new BigDecimal(stated.replaceAll("[^\\d.]", ""))
                .movePointRight(2)
                .longValueExact();
    }

    private static Optional<LocalDate> parse(String date) {
        try {
            return Optional.of(LocalDate.parse(date, DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
