package dev.aragent.store;

import dev.aragent.agent.ledger.Money;
import dev.aragent.agent.policy.Installment;
import dev.aragent.agent.policy.Terms;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads back the terms {@link TurnRows#terms} wrote as JSON, letting PostgreSQL parse them. */
final class TermsJson {
    private TermsJson() {}

    static Optional<Terms> read(Handle h, String json) {
        if (json == null || json.isBlank() || json.equals("null")) {
            return Optional.empty();
        }
        Map<String, Object> head = h.createQuery("""
                        select j->>'currency' as currency, (j->>'balance_minor')::bigint as balance,
                               coalesce((j->>'discount_percent')::int, 0) as discount,
                               coalesce((j->>'late_fees_waived')::boolean, false) as waived
                        from (select cast(:j as jsonb) as j) x""").bind("j", json).mapToMap().one();
        String currency = (String) head.get("currency");
        List<Installment> installments = h.createQuery("""
                        select (e->>'due')::date as due, (e->>'minor')::bigint as minor
                        from jsonb_array_elements(cast(:j as jsonb)->'installments') with ordinality as x(e, n) order by n""")
                .bind("j", json)
                .map((rs, ctx) ->
                        new Installment(rs.getObject("due", LocalDate.class), Money.of(rs.getLong("minor"), currency)))
                .list();
        return Optional.of(new Terms(
                Money.of(((Number) head.get("balance")).longValue(), currency),
                ((Number) head.get("discount")).intValue(),
                (Boolean) head.get("waived"),
                installments));
    }
}
