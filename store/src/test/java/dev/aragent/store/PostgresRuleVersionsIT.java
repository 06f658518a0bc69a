package dev.aragent.store;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.RuleVersions;
import dev.aragent.agent.spi.RuleVersionsContract;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** Rule versions in the store ({@code rule_versions}, {@code rule_settings}): the contract. */
class PostgresRuleVersionsIT implements RuleVersionsContract {
    private static Database db;
    private static RuleVersions versions;

    @BeforeAll
    static void start() {
        db = TestDatabase.fresh();
        versions = PostgresRuleVersions.create(db);
    }

    @Override
    public RuleVersions versions() {
        return versions;
    }

    @Override
    public void givenTenant(TenantId tenant) {
        LedgerRows.owingOneEach(db, NOW, tenant, List.of(), 100);
    }
}
