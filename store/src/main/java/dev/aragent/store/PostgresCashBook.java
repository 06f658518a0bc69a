package dev.aragent.store;

import dev.aragent.agent.cash.BankFile;
import dev.aragent.agent.cash.BankLine;
import dev.aragent.agent.cash.BankStatement;
import dev.aragent.agent.cash.BankTransaction;
import dev.aragent.agent.cash.PayLink;
import dev.aragent.agent.ledger.CustomerKey;
import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CashBook;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The cash book in PostgreSQL (V26): {@code bank_files} known by their bytes' SHA-256, {@code bank_lines} unique by
 * (tenant, key) so an entry that a notification and the day's statement both state is filed once — concurrent imports
 * included ({@code on conflict do nothing}) — and {@code payer_aliases}; filing, closing and learning each in the
 * audit log.
 */
public final class PostgresCashBook implements CashBook {
    private static final String COLUMNS = """
            line_id, line_key, account, bank_reference, amount_minor, currency, credit, reversal, status,
            booking_date, value_date, counterparty_name, counterparty_account, refs, remittance, state, filed_at,
            customer_key, outcome, closed_by""";

    private final Tenanted jdbi;

    private PostgresCashBook(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresCashBook create(Database database) {
        return new PostgresCashBook(database.tenanted());
    }

    @Override
    public Filed file(TenantId tenant, BankFile file, String actor, Instant at) {
        return jdbi.inTransaction("file a bank file", tenant, h -> {
            boolean same = h.createQuery("select count(*) from bank_files where tenant_id = :t and sha256 = :sha")
                            .bind("t", tenant.value())
                            .bind("sha", file.sha256())
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!same) {
                new Upserts(h, tenant, utc(at)).tenant(); // a bank file may come before any CSV
                h.createUpdate("""
                                insert into bank_files (tenant_id, sha256, source, format, entries, added, filed_by,
                                                        filed_at)
                                values (:t, :sha, :source, :format, :entries, 0, :by, :at)
                                on conflict do nothing""")
                        .bind("t", tenant.value())
                        .bind("sha", file.sha256())
                        .bind("source", file.source())
                        .bind("format", file.format())
                        .bind("entries", file.entries())
                        .bind("by", actor)
                        .bind("at", utc(at))
                        .execute();
            }
            List<BankLine> added = new ArrayList<>();
            int known = 0;
            for (BankStatement s : file.statements()) {
                List<String> keys = BankLine.keys(s);
                for (int k = 0; k < keys.size(); k++) {
                    Optional<BankLine> line = insert(
                            h,
                            tenant,
                            file.sha256(),
                            s.account(),
                            keys.get(k),
                            s.entries().get(k),
                            at);
                    if (line.isPresent()) {
                        added.add(line.get());
                    } else {
                        known++;
                    }
                }
            }
            if (!added.isEmpty()) {
                h.createUpdate("update bank_files set added = added + :n where tenant_id = :t and sha256 = :sha")
                        .bind("n", added.size())
                        .bind("t", tenant.value())
                        .bind("sha", file.sha256())
                        .execute();
                AuditLog.append(
                        h,
                        tenant,
                        utc(at),
                        actor,
                        "bank.filed",
                        "bank_file:" + file.sha256(),
                        Map.of(
                                "source", file.source(),
                                "format", file.format(),
                                "entries", file.entries(),
                                "added", added.size()));
            }
            return new Filed(file.entries(), added, known, same);
        });
    }

    private static Optional<BankLine> insert(
            Handle h, TenantId tenant, String sha, String account, String key, BankTransaction e, Instant at) {
        return h.createQuery("insert into bank_lines (tenant_id, line_key, account, file_sha256, bank_reference,"
                        + " amount_minor, currency, credit, reversal, status, booking_date, value_date,"
                        + " counterparty_name, counterparty_account, refs, remittance, state, filed_at)"
                        + " values (:t, :key, :account, :sha, :ref, :minor, :currency, :credit, :reversal, :status,"
                        + " :booked, :value, :name, :iban, :refs, :remittance, :state, :at)"
                        + " on conflict (tenant_id, line_key) do nothing returning " + COLUMNS)
                .bind("t", tenant.value())
                .bind("key", key)
                .bind("account", account)
                .bind("sha", sha)
                .bind("ref", e.bankReference())
                .bind("minor", e.amount().minor())
                .bind("currency", e.amount().currency().getCurrencyCode())
                .bind("credit", e.credit())
                .bind("reversal", e.reversal())
                .bind("status", e.status())
                .bind("booked", e.bookingDate().orElse(null))
                .bind("value", e.valueDate().orElse(null))
                .bind("name", e.counterpartyName())
                .bind("iban", e.counterpartyAccount())
                .bind("refs", e.references().toArray(String[]::new))
                .bind("remittance", e.remittance().toArray(String[]::new))
                .bind("state", BankLine.initialState(e).code())
                .bind("at", utc(at))
                .map((rs, ctx) -> line(rs))
                .findOne();
    }

    @Override
    public List<FiledFile> files(TenantId tenant, int limit) {
        return jdbi.withHandle(
                "read bank files",
                tenant,
                h -> h.createQuery("""
                        select source, sha256, format, entries, added, filed_by, filed_at from bank_files
                        where tenant_id = :t order by filed_at desc, file_no desc limit :limit""")
                        .bind("t", tenant.value())
                        .bind("limit", limit)
                        .map((rs, ctx) -> new FiledFile(
                                rs.getString("source"),
                                rs.getString("sha256"),
                                rs.getString("format"),
                                rs.getInt("entries"),
                                rs.getInt("added"),
                                rs.getString("filed_by"),
                                rs.getObject("filed_at", OffsetDateTime.class).toInstant()))
                        .list());
    }

    @Override
    public List<BankLine> lines(TenantId tenant, BankLine.State state, int limit) {
        return jdbi.withHandle(
                "read bank lines",
                tenant,
                h -> h.createQuery("select " + COLUMNS + """
                         from bank_lines where tenant_id = :t and state = :state
                        order by coalesce(value_date, booking_date), line_id limit :limit""")
                        .bind("t", tenant.value())
                        .bind("state", state.code())
                        .bind("limit", limit)
                        .map((rs, ctx) -> line(rs))
                        .list());
    }

    @Override
    public Optional<BankLine> line(TenantId tenant, long id) {
        return jdbi.withHandle(
                "read a bank line",
                tenant,
                h -> h.createQuery("select " + COLUMNS + " from bank_lines where tenant_id = :t and line_id = :id")
                        .bind("t", tenant.value())
                        .bind("id", id)
                        .map((rs, ctx) -> line(rs))
                        .findOne());
    }

    @Override
    public boolean close(TenantId tenant, long id, BankLine.Closing closing) {
        return jdbi.inTransaction("close a bank line", tenant, h -> {
            boolean closed = h.createUpdate("""
                                    update bank_lines set state = :state, customer_key = :c, outcome = :outcome,
                                                          closed_by = :by, closed_at = :at
                                    where tenant_id = :t and line_id = :id and state = 'open'""")
                            .bind("t", tenant.value())
                            .bind("id", id)
                            .bind("state", closing.state().code())
                            .bind(
                                    "c",
                                    closing.customer().map(CustomerKey::value).orElse(null))
                            .bind("outcome", closing.outcome())
                            .bind("by", closing.by())
                            .bind("at", utc(closing.at()))
                            .execute()
                    > 0;
            if (closed) {
                Map<String, Object> detail = new HashMap<>();
                detail.put("outcome", closing.outcome());
                detail.put("customer", closing.customer().map(CustomerKey::value));
                AuditLog.append(
                        h,
                        tenant,
                        utc(closing.at()),
                        closing.by(),
                        "cash." + closing.state().code(),
                        "bank_line:" + id,
                        detail);
            }
            return closed;
        });
    }

    @Override
    public Map<String, CustomerKey> aliases(TenantId tenant) {
        return jdbi.withHandle("read payer names", tenant, h -> {
            Map<String, CustomerKey> out = new HashMap<>();
            h.createQuery("select payer, customer_key from payer_aliases where tenant_id = :t")
                    .bind("t", tenant.value())
                    .map((rs, ctx) -> Map.entry(rs.getString("payer"), CustomerKey.of(rs.getString("customer_key"))))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    @Override
    public void learn(TenantId tenant, String payer, CustomerKey customer, String by, Instant at) {
        jdbi.useTransaction("learn a payer name", tenant, h -> {
            int changed = h.createUpdate("""
                            insert into payer_aliases (tenant_id, payer, customer_key, learned_by, learned_at)
                            values (:t, :payer, :c, :by, :at)
                            on conflict (tenant_id, payer) do update
                            set customer_key = excluded.customer_key, learned_by = excluded.learned_by,
                                learned_at = excluded.learned_at
                            where payer_aliases.customer_key <> excluded.customer_key""")
                    .bind("t", tenant.value())
                    .bind("payer", payer)
                    .bind("c", customer.value())
                    .bind("by", by)
                    .bind("at", utc(at))
                    .execute();
            if (changed > 0) {
                AuditLog.append(
                        h,
                        tenant,
                        utc(at),
                        by,
                        "payer.learned",
                        "customer:" + customer.value(),
                        Map.of("payer", payer));
            }
        });
    }

    @Override
    public void advise(TenantId tenant, dev.aragent.agent.cash.Advised advised) {
        jdbi.useTransaction("keep a remittance advice", tenant, h -> {
            new Upserts(h, tenant, utc(advised.at())).tenant();
            h.createUpdate("""
                            insert into remittance_advices (tenant_id, customer_key, source, body, said_at)
                            values (:t, :c, :source, :body, :at)""")
                    .bind("t", tenant.value())
                    .bind("c", advised.customer().value())
                    .bind("source", advised.source())
                    .bind("body", advised.text())
                    .bind("at", utc(advised.at()))
                    .execute();
        });
    }

    @Override
    public List<dev.aragent.agent.cash.Advised> advices(TenantId tenant, Instant since) {
        return jdbi.withHandle(
                "read remittance advices",
                tenant,
                h -> h.createQuery("""
                        select customer_key, source, body, said_at from remittance_advices
                        where tenant_id = :t and said_at >= :since order by said_at desc, advice_id desc""")
                        .bind("t", tenant.value())
                        .bind("since", utc(since))
                        .map((rs, ctx) -> new dev.aragent.agent.cash.Advised(
                                CustomerKey.of(rs.getString("customer_key")),
                                rs.getString("source"),
                                rs.getString("body"),
                                rs.getObject("said_at", OffsetDateTime.class).toInstant()))
                        .list());
    }

    @Override
    public void keepLink(TenantId tenant, PayLink link) {
        jdbi.useTransaction("keep a pay-now link", tenant, h -> {
            new Upserts(h, tenant, utc(link.createdAt())).tenant();
            h.createUpdate("""
                            insert into pay_links (tenant_id, link_id, url, customer_key, invoices, amount_minor,
                                                   currency, purpose, created_at, active)
                            values (:t, :id, :url, :c, :invoices, :minor, :currency, :purpose, :at, :active)
                            on conflict do nothing""")
                    .bind("t", tenant.value())
                    .bind("id", link.id())
                    .bind("url", link.url())
                    .bind("c", link.customer().value())
                    .bind("invoices", link.invoices().toArray(String[]::new))
                    .bind("minor", link.amount().minor())
                    .bind("currency", link.amount().currency().getCurrencyCode())
                    .bind("purpose", link.purpose())
                    .bind("at", utc(link.createdAt()))
                    .bind("active", link.active())
                    .execute();
        });
    }

    @Override
    public Optional<PayLink> payLink(TenantId tenant, String id) {
        return jdbi.withHandle(
                "read a pay-now link",
                tenant,
                h -> h.createQuery("select * from pay_links where tenant_id = :t and link_id = :id")
                        .bind("t", tenant.value())
                        .bind("id", id)
                        .map((rs, ctx) -> link(rs))
                        .findOne());
    }

    @Override
    public List<PayLink> liveLinks(TenantId tenant, CustomerKey customer) {
        return jdbi.withHandle(
                "read a customer's pay-now links",
                tenant,
                h -> h.createQuery("""
                                select * from pay_links where tenant_id = :t and customer_key = :c and active
                                order by created_at desc, link_id desc""")
                        .bind("t", tenant.value())
                        .bind("c", customer.value())
                        .map((rs, ctx) -> link(rs))
                        .list());
    }

    @Override
    public boolean retireLink(TenantId tenant, String id) {
        return jdbi.inTransaction(
                "retire a pay-now link",
                tenant,
                h -> h.createUpdate("update pay_links set active = false where tenant_id = :t and link_id = :id"
                                        + " and active")
                                .bind("t", tenant.value())
                                .bind("id", id)
                                .execute()
                        > 0);
    }

    private static PayLink link(ResultSet rs) throws SQLException {
        return new PayLink(
                rs.getString("link_id"),
                rs.getString("url"),
                CustomerKey.of(rs.getString("customer_key")),
                List.of((String[]) rs.getArray("invoices").getArray()),
                new Money(rs.getLong("amount_minor"), java.util.Currency.getInstance(rs.getString("currency"))),
                rs.getString("purpose"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("active"));
    }

    @Override
    public Tally tally(TenantId tenant) {
        return jdbi.withHandle("tally the cash book", tenant, h -> {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, Map<String, Long>> amounts = new HashMap<>();
            h.createQuery("""
                            select case when state = 'applied' and account = :payNow then 'link'
                                        when state = 'applied' and closed_by = :agent then 'auto'
                                        when state = 'applied' then 'person'
                                        else state end as how,
                                   currency, count(*) as n, sum(amount_minor) as minor
                            from bank_lines where tenant_id = :t and state <> 'not_receipt'
                            group by 1, 2""")
                    .bind("t", tenant.value())
                    .bind("agent", BankLine.AGENT)
                    .bind("payNow", BankLine.PAY_NOW)
                    .map((rs, ctx) -> {
                        String how = rs.getString("how");
                        counts.merge(how, rs.getInt("n"), Integer::sum);
                        amounts.computeIfAbsent(how, k -> new HashMap<>())
                                .put(rs.getString("currency"), rs.getLong("minor"));
                        return how;
                    })
                    .list();
            return new Tally(counts, amounts);
        });
    }

    private static BankLine line(ResultSet rs) throws SQLException {
        BankTransaction entry = new BankTransaction(
                rs.getString("bank_reference"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getBoolean("credit"),
                rs.getBoolean("reversal"),
                rs.getString("status"),
                day(rs.getDate("booking_date")),
                day(rs.getDate("value_date")),
                rs.getString("counterparty_name"),
                rs.getString("counterparty_account"),
                List.of((String[]) rs.getArray("refs").getArray()),
                List.of((String[]) rs.getArray("remittance").getArray()));
        return new BankLine(
                rs.getLong("line_id"),
                rs.getString("line_key"),
                rs.getString("account"),
                entry,
                BankLine.State.fromCode(rs.getString("state")),
                rs.getObject("filed_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString("customer_key")).map(CustomerKey::of),
                Optional.ofNullable(rs.getString("outcome")),
                Optional.ofNullable(rs.getString("closed_by")));
    }

    private static Optional<LocalDate> day(Date date) {
        return Optional.ofNullable(date).map(Date::toLocalDate);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
