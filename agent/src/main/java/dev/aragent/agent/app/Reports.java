package dev.aragent.agent.app;

import dev.aragent.agent.ledger.AgingSummary;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.report.Portfolio;
import dev.aragent.agent.report.Trends;
import dev.aragent.agent.risk.AccountRecords;
import dev.aragent.agent.risk.RiskModel;
import dev.aragent.agent.risk.Scoring;
import dev.aragent.agent.risk.Tone;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.Ledger;
import dev.aragent.agent.spi.OutreachLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the book looks like, for the report page, the API, the CLI and the weekly notice: the aging summary with DSO,
 * and the portfolio (collections figures, likely write-offs with their factors) in the book's currency.
 */
public final class Reports {
    private final Ledger ledger;
    private final ContactLog contacts;
    private final Function<TenantId, Optional<RiskModel>> models;
    private final Currency currency;
    private final Clock clock;
    private final OutreachLog outreach;

    private Reports(
            Ledger ledger,
            ContactLog contacts,
            OutreachLog outreach,
            Function<TenantId, Optional<RiskModel>> models,
            Currency currency,
            Clock clock) {
        this.outreach = outreach;
        this.ledger = ledger;
        this.contacts = contacts;
        this.models = models;
        this.currency = currency;
        this.clock = clock;
    }

    public static Reports create(
            Ledger ledger,
            ContactLog contacts,
            OutreachLog outreach,
            Function<TenantId, Optional<RiskModel>> models,
            Currency currency,
            Clock clock) {
        return new Reports(ledger, contacts, outreach, models, currency, clock);
    }

    /** What is open by age, with DSO over the standard period ending today. */
    public AgingSummary summary(TenantId tenant) {
        LocalDate today = LocalDate.now(clock);
        return AgingSummary.of(
                today,
                ledger.invoices(tenant, InvoiceStatus.OPEN),
                ledger.invoicedBetween(tenant, today.minusDays(AgingSummary.DSO_PERIOD_DAYS - 1L), today));
    }

    /** The portfolio figures and the likely-write-off list for a tenant's book in its currency. */
    public Portfolio.Report portfolio(TenantId tenant) {
        var accounts = AccountRecords.load(ledger, contacts, tenant);
        var scoring = Scoring.of(models.apply(tenant), accounts, Tone.lexicon(), clock.instant());
        return Portfolio.compute(
                accounts, scoring.model(), scoring.features(), currency, LocalDate.now(clock), clock.instant());
    }

    /**
     * The portfolio on the tenant's day and the quarter week by week, as computed at {@code at}: what the console's
     * report shows.
     */
    public record Book(Portfolio.Report portfolio, Trends.Report trends, Instant at) {}

    /**
     * How long a report is shown before it is computed again: computing it reads and scores the whole book (about half
     * a second on 2,400 accounts), a page must not; a report minutes old says the same to an AR manager. Wall time.
     */
    public static final Duration FRESH = Duration.ofMinutes(1);

    private record Kept(Book book, ZoneId zone, long madeNanos) {}

    private final Map<TenantId, Kept> kept = new ConcurrentHashMap<>();

    /** {@link Book} for a tenant whose days are counted in {@code zone}, computed at most once per {@link #FRESH}. */
    public Book book(TenantId tenant, ZoneId zone) {
        Kept k = kept.get(tenant);
        if (k == null || !k.zone().equals(zone) || System.nanoTime() - k.madeNanos() > FRESH.toNanos()) {
            k = new Kept(compute(tenant, zone), zone, System.nanoTime());
            kept.put(tenant, k);
        }
        return k.book();
    }

    /** Forgets the tenant's report: the next one is computed afresh. */
    public void changed(TenantId tenant) {
        kept.remove(tenant);
    }

    private Book compute(TenantId tenant, ZoneId zone) {
        var accounts = AccountRecords.load(ledger, contacts, tenant);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        var scoring = Scoring.of(models.apply(tenant), accounts, Tone.lexicon(), now);
        return new Book(
                Portfolio.compute(accounts, scoring.model(), scoring.features(), currency, today, now),
                Trends.compute(accounts, outreach.executed(tenant), currency, today, zone),
                now);
    }
}
