package dev.aragent.agent.policy;

import dev.aragent.agent.ledger.Customer;
import dev.aragent.agent.ledger.CustomerKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's policies: the default, per-segment overrides, per-customer overrides (the most specific wins, whole
 * policies rather than field by field, so what applies is always one readable, versioned policy).
 */
public record PolicyBook(Policy standard, Map<String, Policy> bySegment, Map<CustomerKey, Policy> byCustomer)
        implements Policies {
    public PolicyBook {
        Objects.requireNonNull(standard, "standard");
        bySegment = Map.copyOf(bySegment);
        byCustomer = Map.copyOf(byCustomer);
    }

    public static PolicyBook of(Policy standard) {
        return new PolicyBook(standard, Map.of(), Map.of());
    }

    /** The policy for one customer: theirs, else their segment's, else the tenant's. */
    @Override
    public Policy forCustomer(Customer customer) {
        return Optional.ofNullable(byCustomer.get(customer.key()))
                .or(() -> customer.segment().map(bySegment::get))
                .orElse(standard);
    }
}
