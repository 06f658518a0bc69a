/**
 * The work the agent leaves for people (calls to make, disputes to route, contacts to find, credit memos to apply,
 * payments to verify) and how a person closes it: the outcomes they may choose and the disposition each becomes.
 */
package dev.aragent.agent.tasks;
