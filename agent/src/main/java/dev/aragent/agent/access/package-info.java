/**
 * Who may do what: people and their roles in each tenant, sessions, API tokens and the permissions a request carries.
 * Every request that reads or changes a book is made by a {@link dev.aragent.agent.access.Principal} whose tenant comes
 * from its credential, never from anything the caller typed. Start with {@link dev.aragent.agent.access.Access}.
 */
@NullMarked
package dev.aragent.agent.access;

import org.jspecify.annotations.NullMarked;
