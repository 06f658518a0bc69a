package dev.aragent.channels;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.aragent.agent.app.ApprovalDecisions;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Edits;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.approval.Verdict;
import dev.aragent.agent.policy.Terms;
import dev.aragent.agent.spi.TransientFailure;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers Bolt runs after it verified a request: buttons decide or open a modal; modals decide. Each handler
 * acknowledges within Slack's three seconds; refusals are shown to the person who clicked (an ephemeral message, or
 * errors under the modal's fields).
 */
final class SlackInteractions {
    private static final Logger LOG = LoggerFactory.getLogger(SlackInteractions.class);

    private final App app;
    private final ApprovalDecisions decisions;
    private final SlackApprovalGateway gateway;

    SlackInteractions(App app, ApprovalDecisions decisions, SlackApprovalGateway gateway) {
        this.app = app;
        this.decisions = decisions;
        this.gateway = gateway;
    }

    void register() {
        app.blockAction(SlackApprovalGateway.APPROVE, this::approve);
        app.blockAction(SlackApprovalGateway.EDIT, (req, ctx) -> modal(req, ctx, true));
        app.blockAction(SlackApprovalGateway.REJECT, (req, ctx) -> modal(req, ctx, false));
        app.viewSubmission(SlackApprovalGateway.EDIT_MODAL, this::edited);
        app.viewSubmission(SlackApprovalGateway.REJECT_MODAL, this::rejected);
    }

    private static String who(String id, String name) {
        return "slack:" + id + (name == null || name.isBlank() ? "" : " (" + name + ")");
    }

    private Optional<UUID> approvalId(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private Response approve(BlockActionRequest req, ActionContext ctx) {
        var p = req.getPayload();
        var action = p.getActions().getFirst();
        Optional<UUID> id = approvalId(action.getValue());
        if (id.isEmpty()) {
            return Response.builder().statusCode(400).body("unknown approval").build();
        }
        Outcome o = decisions.decide(
                id.get(),
                p.getUser().getId(),
                new Verdict.Approve(who(p.getUser().getId(), p.getUser().getUsername())));
        tell(p.getChannel() == null ? null : p.getChannel().getId(), p.getUser().getId(), o);
        return ctx.ack();
    }

    private Response modal(BlockActionRequest req, ActionContext ctx, boolean edit) {
        var p = req.getPayload();
        Optional<Approval> a = approvalId(p.getActions().getFirst().getValue()).flatMap(decisions::find);
        if (a.isEmpty()) {
            return Response.builder().statusCode(400).body("unknown approval").build();
        }
        if (a.get().status() != Approval.Status.PENDING) {
            tell(
                    p.getChannel() == null ? null : p.getChannel().getId(),
                    p.getUser().getId(),
                    new Outcome.Unchanged(a.get(), "Already " + a.get().status().code() + "."));
            return ctx.ack();
        }
        gateway.openModal(
                p.getTriggerId(),
                edit ? SlackApprovalGateway.editModal(a.get()) : SlackApprovalGateway.rejectModal(a.get()));
        return ctx.ack();
    }

    private Response edited(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var p = req.getPayload();
        Optional<Approval> a = approvalId(p.getView().getPrivateMetadata()).flatMap(decisions::find);
        if (a.isEmpty()) {
            return ctx.ackWithErrors(Map.of("amounts", "This approval no longer exists."));
        }
        var state = p.getView().getState();
        Terms terms;
        try {
            terms = Edits.terms(
                    a.get().proposed(),
                    SlackApprovalGateway.value(state, "amounts"),
                    SlackApprovalGateway.value(state, "dates"));
        } catch (IllegalArgumentException e) {
            return ctx.ackWithErrors(Map.of(
                    e.getMessage().startsWith("\"") && e.getMessage().contains("date") ? "dates" : "amounts",
                    e.getMessage()));
        }
        String text = SlackApprovalGateway.value(state, "text");
        Outcome o = decisions.decide(
                a.get().id(),
                p.getUser().getId(),
                new Verdict.Edit(
                        who(p.getUser().getId(), p.getUser().getUsername()),
                        terms,
                        text.isBlank() ? Optional.empty() : Optional.of(text)));
        return switch (o) {
            case Outcome.Decided d -> ctx.ack();
            case Outcome.Unchanged u -> ctx.ackWithErrors(Map.of("amounts", u.message()));
            case Outcome.Refused r ->
                ctx.ackWithErrors(Map.of(r.kind() == Outcome.Kind.WORDING ? "text" : "amounts", r.message()));
        };
    }

    private Response rejected(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        var p = req.getPayload();
        Optional<UUID> id = approvalId(p.getView().getPrivateMetadata());
        String reason =
                SlackApprovalGateway.value(p.getView().getState(), "reason").strip();
        if (id.isEmpty()) {
            return ctx.ackWithErrors(Map.of("reason", "This approval no longer exists."));
        }
        if (reason.isEmpty()) {
            return ctx.ackWithErrors(Map.of("reason", "Say why, for the debtor's file."));
        }
        Outcome o = decisions.decide(
                id.get(),
                p.getUser().getId(),
                new Verdict.Reject(who(p.getUser().getId(), p.getUser().getUsername()), reason));
        return switch (o) {
            case Outcome.Decided d -> ctx.ack();
            case Outcome.Unchanged u -> ctx.ackWithErrors(Map.of("reason", u.message()));
            case Outcome.Refused r -> ctx.ackWithErrors(Map.of("reason", r.message()));
        };
    }

    /** A refusal or "already decided" goes to the person who clicked, only them. */
    private void tell(String channel, String user, Outcome o) {
        String text =
                switch (o) {
                    case Outcome.Decided d -> null;
                    case Outcome.Unchanged u -> u.message();
                    case Outcome.Refused r -> r.message();
                };
        if (text == null || channel == null) {
            return;
        }
        try {
            gateway.ephemeral(channel, user, text);
        } catch (TransientFailure e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("could not tell the approver");
        }
    }
}
