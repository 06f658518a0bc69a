/**
 * Today's action queue: who to contact, how, and why. Start with {@link dev.aragent.agent.queue.ActionQueue}.
 */
@NullMarked
package dev.aragent.agent.queue;

import org.jspecify.annotations.NullMarked;
