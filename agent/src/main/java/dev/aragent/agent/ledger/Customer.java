package dev.aragent.agent.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A debtor account: who they are, where (time zone), how much credit they have. */
public record Customer(
        CustomerKey key,
        String name,
        Optional<String> segment,
        Optional<String> industry,
        Optional<ZoneId> timeZone,
        Optional<Money> creditLimit,
        Optional<LocalDate> customerSince,
        List<String> tags,
        List<Contact> contacts) {

    public Customer {
        Objects.requireNonNull(key, "key");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("customer name is required");
        }
        tags = List.copyOf(tags);
        contacts = List.copyOf(contacts);
    }

    /** A customer known only by what an aging report says of it. */
    public static Customer named(CustomerKey key, String name) {
        return new Customer(
                key,
                name,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of());
    }
}
