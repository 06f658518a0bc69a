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

    /** This customer, with the details it lacks taken from {@code other}, and the contacts of both. */
    public Customer mergedWith(Customer other) {
        List<Contact> all = new java.util.ArrayList<>(contacts);
        other.contacts.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return new Customer(
                key,
                name,
                segment.or(other::segment),
                industry.or(other::industry),
                timeZone.or(other::timeZone),
                creditLimit.or(other::creditLimit),
                customerSince.or(other::customerSince),
                tags.isEmpty() ? other.tags : tags,
                all);
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
