/**
 * The application layer: use cases that orchestrate several desks of the core for the outside world to call (a round
 * of background work). Use cases of one domain live beside it ({@code voice.CallDesk}, {@code
 * approval.ApprovalCards}); this package holds those that span several. Nothing in the core imports it.
 */
@NullMarked
package dev.aragent.agent.app;

import org.jspecify.annotations.NullMarked;
