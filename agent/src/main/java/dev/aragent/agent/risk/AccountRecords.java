package dev.aragent.agent.risk;

import dev.aragent.agent.ledger.CreditMemo;
import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.ContactLog;
import dev.aragent.agent.spi.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads every account of a tenant as {@link AccountRecord}s: the book from the ledger, the activity from the log. */
public final class AccountRecords {
    private AccountRecords() {}

    public static List<AccountRecord> load(Ledger ledger, ContactLog log, TenantId tenant) {
        Map<dev.aragent.agent.ledger.CustomerKey, Ledger.AccountFile> files = ledger.accountFiles(tenant);
        Map<dev.aragent.agent.ledger.CustomerKey, AccountActivity> activity = log.activity(tenant);
        Set<String> openMemos =
                ledger.openCreditMemos(tenant).stream().map(CreditMemo::number).collect(Collectors.toSet());
        List<AccountRecord> out = new ArrayList<>();
        for (Customer c : ledger.customers(tenant)) {
            Ledger.AccountFile f = files.get(c.key());
            if (f == null) {
                continue;
            }
            out.add(record(c, f, openMemos, activity.getOrDefault(c.key(), AccountActivity.none())));
        }
        return out;
    }

    /** One account, read alone (an approval card, not the whole book). */
    public static java.util.Optional<AccountRecord> load(
            Ledger ledger, ContactLog log, TenantId tenant, dev.aragent.agent.ledger.CustomerKey customer) {
        return ledger.customer(tenant, customer).map(c -> {
            Set<String> openMemos = ledger.openCreditMemos(tenant).stream()
                    .map(CreditMemo::number)
                    .collect(Collectors.toSet());
            return record(c, ledger.accountFile(tenant, customer), openMemos, log.activity(tenant, customer));
        });
    }

    private static AccountRecord record(
            Customer c, Ledger.AccountFile f, Set<String> openMemos, AccountActivity activity) {
        return new AccountRecord(
                c,
                f.invoices(),
                f.payments(),
                f.creditMemos().stream()
                        .filter(m -> openMemos.contains(m.number()))
                        .toList(),
                f.notes(),
                activity,
                Map.of());
    }
}
