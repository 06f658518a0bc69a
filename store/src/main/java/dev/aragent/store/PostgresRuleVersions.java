package dev.aragent.store;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.rules.RuleSheet;
import dev.aragent.agent.rules.RuleVersion;
import dev.aragent.agent.spi.RuleVersions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Rule versions in PostgreSQL ({@code rule_versions} and their {@code rule_settings}, V23): a version's number is
 * its primary key beside the tenant's, so two people saving on the same version cannot both become the next — the
 * second insert conflicts and is refused. Each save is in the audit log.
 */
public final class PostgresRuleVersions implements RuleVersions {
    private final Tenanted jdbi;

    private PostgresRuleVersions(Tenanted jdbi) {
        this.jdbi = jdbi;
    }

    public static PostgresRuleVersions create(Database database) {
        return new PostgresRuleVersions(database.tenanted());
    }

    @Override
    public Optional<RuleVersion> latest(TenantId tenant) {
        return history(tenant, 1).stream().findFirst();
    }

    @Override
    public List<RuleVersion> history(TenantId tenant, int limit) {
        return jdbi.withHandle("read rule versions", tenant, h -> read(h, tenant, "", limit));
    }

    @Override
    public Optional<RuleVersion> version(TenantId tenant, int number) {
        return jdbi
                .withHandle("read a rule version", tenant, h -> read(h, tenant, " and version = " + number, 1))
                .stream()
                .findFirst();
    }

    private static List<RuleVersion> read(Handle h, TenantId tenant, String which, int limit) {
        record Head(int number, String by, Instant at, String comment) {}
        List<Head> heads = h.createQuery("select version, saved_by, saved_at, comment from rule_versions"
                        + " where tenant_id = :t" + which + " order by version desc limit :n")
                .bind("t", tenant.value())
                .bind("n", limit)
                .map((rs, ctx) -> new Head(
                        rs.getInt("version"),
                        rs.getString("saved_by"),
                        rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
                        rs.getString("comment")))
                .list();
        List<RuleVersion> out = new ArrayList<>(heads.size());
        for (Head head : heads) {
            Map<String, String> settings = new TreeMap<>();
            h.createQuery("select key, value from rule_settings where tenant_id = :t and version = :v")
                    .bind("t", tenant.value())
                    .bind("v", head.number())
                    .map((rs, ctx) -> Map.entry(rs.getString("key"), rs.getString("value")))
                    .forEach(e -> settings.put(e.getKey(), e.getValue()));
            out.add(new RuleVersion(head.number(), RuleSheet.of(settings), head.by(), head.at(), head.comment()));
        }
        return out;
    }

    @Override
    public Optional<RuleVersion> save(
            TenantId tenant, int basedOn, RuleSheet sheet, String by, String comment, Instant at) {
        return jdbi.inTransaction("save the rules", tenant, h -> {
            Integer newest = h.createQuery("select max(version) from rule_versions where tenant_id = :t")
                    .bind("t", tenant.value())
                    .mapTo(Integer.class)
                    .findOne()
                    .orElse(null);
            if ((newest == null ? 0 : newest) != basedOn) {
                return Optional.<RuleVersion>empty();
            }
            int number = basedOn + 1;
            int inserted = h.createUpdate("""
                            insert into rule_versions (tenant_id, version, saved_by, saved_at, comment)
                            values (:t, :v, :by, :at, :comment) on conflict do nothing""")
                    .bind("t", tenant.value())
                    .bind("v", number)
                    .bind("by", by)
                    .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .bind("comment", comment)
                    .execute();
            if (inserted == 0) {
                return Optional.<RuleVersion>empty(); // another save took this number first
            }
            var batch = h.prepareBatch(
                    "insert into rule_settings (tenant_id, version, key, value) values (:t, :v, :k, :value)");
            sheet.settings()
                    .forEach((k, value) -> batch.bind("t", tenant.value())
                            .bind("v", number)
                            .bind("k", k)
                            .bind("value", value)
                            .add());
            if (!sheet.settings().isEmpty()) {
                batch.execute();
            }
            AuditLog.append(
                    h,
                    tenant,
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                    by,
                    "rules.saved",
                    "rules:" + number,
                    Map.of("comment", comment, "settings", sheet.settings().size()));
            return Optional.of(new RuleVersion(number, sheet, by, at, comment));
        });
    }
}
