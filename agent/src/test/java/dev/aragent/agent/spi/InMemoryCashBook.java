package dev.aragent.agent.spi;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link CashBook} in memory, for core tests. Same semantics as the PostgreSQL one; {@link CashBookContract} checks. */
public final class InMemoryCashBook implements CashBook {
    private final Map<TenantId, Book> books = new HashMap<>();
    private long next = 1;

    private static final class Book {
        final Set<String> files = new HashSet<>();
        final Map<String, BankLine> byKey = new LinkedHashMap<>();
        final Map<Long, String> keyOf = new HashMap<>();
        final Map<String, CustomerKey> aliases = new HashMap<>();
        final List<dev.aragent.agent.cash.Advised> advices = new ArrayList<>();
        final List<FiledFile> filed = new ArrayList<>();
        final Map<String, dev.aragent.agent.cash.PayLink> links = new LinkedHashMap<>();
    }

    @Override
    public synchronized Filed file(TenantId tenant, BankFile file, String actor, Instant at) {
        Book book = books.computeIfAbsent(tenant, t -> new Book());
        boolean same = !book.files.add(file.sha256());
        List<BankLine> added = new ArrayList<>();
        int known = 0;
        for (BankStatement s : file.statements()) {
            List<String> keys = BankLine.keys(s);
            for (int k = 0; k < keys.size(); k++) {
                BankTransaction e = s.entries().get(k);
                String key = keys.get(k);
                if (book.byKey.containsKey(key)) {
                    known++;
                    continue;
                }
                BankLine line = new BankLine(
                        next++,
                        key,
                        s.account(),
                        e,
                        BankLine.initialState(e),
                        at,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
                book.byKey.put(key, line);
                book.keyOf.put(line.id(), key);
                added.add(line);
            }
        }
        if (!same) {
            book.filed.add(new FiledFile(
                    file.source(), file.sha256(), file.format(), file.entries(), added.size(), actor, at));
        } else if (!added.isEmpty()) {
            for (int k = 0; k < book.filed.size(); k++) {
                FiledFile f = book.filed.get(k);
                if (f.sha256().equals(file.sha256())) {
                    book.filed.set(
                            k,
                            new FiledFile(
                                    f.source(),
                                    f.sha256(),
                                    f.format(),
                                    f.entries(),
                                    f.added() + added.size(),
                                    f.by(),
                                    f.at()));
                }
            }
        }
        return new Filed(file.entries(), added, known, same);
    }

    @Override
    public synchronized List<FiledFile> files(TenantId tenant, int limit) {
        return book(tenant).filed.reversed().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<BankLine> lines(TenantId tenant, BankLine.State state, int limit) {
        return book(tenant).byKey.values().stream()
                .filter(l -> l.state() == state)
                .sorted(Comparator.comparing((BankLine l) -> day(l.entry())).thenComparing(BankLine::id))
                .limit(limit)
                .toList();
    }

    private static LocalDate day(BankTransaction e) {
        return e.valueDate().or(e::bookingDate).orElse(LocalDate.MIN);
    }

    @Override
    public synchronized Optional<BankLine> line(TenantId tenant, long id) {
        Book book = book(tenant);
        return Optional.ofNullable(book.keyOf.get(id)).map(book.byKey::get);
    }

    @Override
    public synchronized boolean close(TenantId tenant, long id, BankLine.Closing closing) {
        Book book = book(tenant);
        Optional<BankLine> line = line(tenant, id);
        if (line.isEmpty() || line.get().state() != BankLine.State.OPEN) {
            return false;
        }
        BankLine l = line.get();
        book.byKey.put(
                l.key(),
                new BankLine(
                        l.id(),
                        l.key(),
                        l.account(),
                        l.entry(),
                        closing.state(),
                        l.filedAt(),
                        closing.customer(),
                        Optional.of(closing.outcome()),
                        Optional.of(closing.by())));
        return true;
    }

    @Override
    public synchronized Map<String, CustomerKey> aliases(TenantId tenant) {
        return Map.copyOf(book(tenant).aliases);
    }

    @Override
    public synchronized void learn(TenantId tenant, String payer, CustomerKey customer, String by, Instant at) {
        books.computeIfAbsent(tenant, t -> new Book()).aliases.put(payer, customer);
    }

    @Override
    public synchronized void advise(TenantId tenant, dev.aragent.agent.cash.Advised advised) {
        books.computeIfAbsent(tenant, t -> new Book()).advices.add(advised);
    }

    @Override
    public synchronized List<dev.aragent.agent.cash.Advised> advices(TenantId tenant, Instant since) {
        return book(tenant).advices.stream()
                .filter(a -> !a.at().isBefore(since))
                .sorted(Comparator.comparing(dev.aragent.agent.cash.Advised::at).reversed())
                .toList();
    }

    @Override
    public synchronized void keepLink(TenantId tenant, dev.aragent.agent.cash.PayLink link) {
        books.computeIfAbsent(tenant, t -> new Book()).links.putIfAbsent(link.id(), link);
    }

    @Override
    public synchronized Optional<dev.aragent.agent.cash.PayLink> payLink(TenantId tenant, String id) {
        return Optional.ofNullable(book(tenant).links.get(id));
    }

    @Override
    public synchronized List<dev.aragent.agent.cash.PayLink> liveLinks(TenantId tenant, CustomerKey customer) {
        return book(tenant).links.values().stream()
                .filter(l -> l.active() && l.customer().equals(customer))
                .sorted(Comparator.comparing(dev.aragent.agent.cash.PayLink::createdAt)
                        .reversed())
                .toList();
    }

    @Override
    public synchronized boolean retireLink(TenantId tenant, String id) {
        var links = book(tenant).links;
        var link = links.get(id);
        if (link == null || !link.active()) {
            return false;
        }
        links.put(id, link.retired());
        return true;
    }

    @Override
    public synchronized Tally tally(TenantId tenant) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Map<String, Long>> amounts = new HashMap<>();
        for (BankLine l : book(tenant).byKey.values()) {
            l.tallyAs().ifPresent(how -> {
                counts.merge(how, 1, Integer::sum);
                amounts.computeIfAbsent(how, h -> new HashMap<>())
                        .merge(
                                l.entry().amount().currency().getCurrencyCode(),
                                l.entry().amount().minor(),
                                Long::sum);
            });
        }
        return new Tally(counts, amounts);
    }

    private Book book(TenantId tenant) {
        return books.getOrDefault(tenant, new Book());
    }
}
