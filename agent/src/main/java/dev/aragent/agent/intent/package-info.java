/**
 * Reading debtors' messages: intents with a confidence, and the entities the playbook needs (amounts, dates resolved
 * in the debtor's time zone, invoice numbers, new contact details, dispute reasons, injection attempts). No LLM: rules
 * and nearest labelled examples; an LLM reader is an adapter whose entities these rules check.
 */
@NullMarked
package dev.aragent.agent.intent;

import org.jspecify.annotations.NullMarked;
