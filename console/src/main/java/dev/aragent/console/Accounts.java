package dev.aragent.console;

import dev.aragent.agent.app.AccountSearch;
import java.util.List;

/** The account search page: what was asked and the accounts found, each with what matched. */
public record Accounts(Who who, String query, List<Hit> hits) {
    public Accounts {
        hits = List.copyOf(hits);
    }

    /** One account found. */
    public record Hit(String key, String name, String matched) {}

    public static Accounts of(Who who, String query, List<AccountSearch.Hit> found) {
        return new Accounts(
                who,
                query,
                found.stream()
                        .map(h ->
                                new Hit(h.customer().key().value(), h.customer().name(), h.matched()))
                        .toList());
    }
}
