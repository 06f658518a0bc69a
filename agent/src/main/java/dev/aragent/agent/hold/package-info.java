/**
 * What a person does to a whole account: pause its collection (the queue leaves it out, with the reason) or take it
 * over (the agent writes nothing on it — no reminder, no reply — until it is handed back).
 */
package dev.aragent.agent.hold;
