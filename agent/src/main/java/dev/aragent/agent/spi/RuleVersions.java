package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.rules.RuleSheet;
import dev.aragent.agent.rules.RuleVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The versions of each tenant's rules people saved, every one kept. Adapters: store ({@code PostgresRuleVersions}),
 * agent tests ({@code InMemoryRuleVersions}).
 */
public interface RuleVersions {

    /** The tenant's newest version, if anyone saved one. */
    Optional<RuleVersion> latest(TenantId tenant);

    /** The tenant's versions, newest first, at most {@code limit}. */
    List<RuleVersion> history(TenantId tenant, int limit);

    /** One version, if the tenant has it. */
    Optional<RuleVersion> version(TenantId tenant, int number);

    /**
     * Saves {@code sheet} as the version after {@code basedOn} (0: the first); empty, saving nothing, when someone
     * saved another since {@code basedOn} — who edited an older version must see the newer one first.
     */
    Optional<RuleVersion> save(TenantId tenant, int basedOn, RuleSheet sheet, String by, String comment, Instant at);
}
