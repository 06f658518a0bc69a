package dev.aragent.agent.app;

import dev.aragent.agent.ledger.Contact;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.Invoice;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finding an account the way an AR team asks for one: by name, account number, a contact's email or phone, or an
 * invoice number. Each hit says what matched.
 */
public final class AccountSearch {
    private final Ledger ledger;

    private AccountSearch(Ledger ledger) {
        this.ledger = ledger;
    }

    public static AccountSearch create(Ledger ledger) {
        return new AccountSearch(ledger);
    }

    /** An account found, and what of it matched the query (shown beside it). */
    public record Hit(Customer customer, String matched) {}

    /** Up to {@code limit} accounts matching {@code query}, best first (exact before partial, then by name). */
    public List<Hit> find(TenantId tenant, String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.length() < 2) {
            return List.of();
        }
        String digits = q.replaceAll("[^0-9]", "");
        Map<String, Hit> hits = new LinkedHashMap<>();
        List<Hit> exact = new ArrayList<>();
        Map<String, Customer> byKey = new LinkedHashMap<>();
        for (Customer c : ledger.customers(tenant)) {
            byKey.put(c.key().value(), c);
            String key = c.key().value().toLowerCase(Locale.ROOT);
            if (key.equals(q)) {
                exact.add(new Hit(c, "account " + c.key().value()));
            } else if (c.name().toLowerCase(Locale.ROOT).contains(q)) {
                hits.putIfAbsent(c.key().value(), new Hit(c, "name"));
            } else if (key.contains(q)) {
                hits.putIfAbsent(
                        c.key().value(), new Hit(c, "account " + c.key().value()));
            } else {
                contact(c, q, digits).ifPresent(m -> hits.putIfAbsent(c.key().value(), new Hit(c, m)));
            }
        }
        for (InvoiceStatus status : InvoiceStatus.values()) {
            for (Invoice i : ledger.invoices(tenant, status)) {
                String number = i.number().toLowerCase(Locale.ROOT);
                Customer c = byKey.get(i.customer().value());
                if (c == null || !number.contains(q)) {
                    continue;
                }
                Hit h = new Hit(c, "invoice " + i.number());
                if (number.equals(q)) {
                    exact.add(h);
                } else {
                    hits.putIfAbsent(c.key().value(), h);
                }
            }
        }
        List<Hit> out = new ArrayList<>(exact);
        hits.values().stream()
                .filter(h -> out.stream()
                        .noneMatch(e -> e.customer().key().equals(h.customer().key())))
                .sorted(Comparator.comparing(h -> h.customer().name().toLowerCase(Locale.ROOT)))
                .forEach(out::add);
        return out.stream().limit(limit).toList();
    }

    private static Optional<String> contact(Customer c, String q, String digits) {
        for (Contact k : c.contacts()) {
            if (k.email().map(e -> e.toLowerCase(Locale.ROOT).contains(q)).orElse(false)) {
                return Optional.of("email " + k.email().get());
            }
            if (digits.length() >= 4
                    && k.phone()
                            .map(p -> p.replaceAll("[^0-9]", "").contains(digits))
                            .orElse(false)) {
                return Optional.of("phone " + k.phone().get());
            }
        }
        return Optional.empty();
    }
}
