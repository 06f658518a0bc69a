package dev.aragent.agent.policy;

import dev.aragent.agent.ledger.Customer;

/**
 * The policy that applies to a customer: a fixed {@link PolicyBook}, or the tenant's rules as they stand when asked
 * (a version saved in the console applies to the next turn).
 */
@FunctionalInterface
public interface Policies {
    Policy forCustomer(Customer customer);
}
