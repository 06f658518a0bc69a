package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;

class InMemoryRuleVersionsTest implements RuleVersionsContract {
    private final InMemoryRuleVersions versions = new InMemoryRuleVersions();

    @Override
    public RuleVersions versions() {
        return versions;
    }

    @Override
    public void givenTenant(TenantId tenant) {}
}
