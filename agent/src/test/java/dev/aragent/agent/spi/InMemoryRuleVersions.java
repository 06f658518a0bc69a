package dev.aragent.agent.spi;

import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.rules.RuleSheet;
import dev.aragent.agent.rules.RuleVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rule versions in memory, for tests. */
public final class InMemoryRuleVersions implements RuleVersions {
    private final Map<TenantId, List<RuleVersion>> versions = new HashMap<>();

    @Override
    public synchronized Optional<RuleVersion> latest(TenantId tenant) {
        List<RuleVersion> v = versions.getOrDefault(tenant, List.of());
        return v.isEmpty() ? Optional.empty() : Optional.of(v.getLast());
    }

    @Override
    public synchronized List<RuleVersion> history(TenantId tenant, int limit) {
        List<RuleVersion> v = new ArrayList<>(versions.getOrDefault(tenant, List.of()));
        return v.reversed().stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<RuleVersion> version(TenantId tenant, int number) {
        return versions.getOrDefault(tenant, List.of()).stream()
                .filter(v -> v.number() == number)
                .findFirst();
    }

    @Override
    public synchronized Optional<RuleVersion> save(
            TenantId tenant, int basedOn, RuleSheet sheet, String by, String comment, Instant at) {
        List<RuleVersion> v = versions.computeIfAbsent(tenant, t -> new ArrayList<>());
        if (v.size() != basedOn) {
            return Optional.empty();
        }
        RuleVersion saved = new RuleVersion(basedOn + 1, sheet, by, at, comment);
        v.add(saved);
        return Optional.of(saved);
    }
}
