package dev.aragent.server.http;

import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.Outcome;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Views;
import dev.aragent.server.Offices;
import dev.aragent.server.Tenancy;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Approvals over HTTP, for the credential's tenant: {@code GET /api/approvals} (needs {@code read}), {@code GET
 * /api/approvals/{id}}, and {@code POST /api/approvals/{id}} to decide (needs {@code approve}, within the person's
 * approval limit). The same decision from Slack or here is taken once.
 */
public final class ApprovalsApi implements HttpService {
    private static final Status UNPROCESSABLE = Status.create(422, "Unprocessable Content");

    private final Offices offices;
    private final Gate gate;

    ApprovalsApi(Offices offices, Gate gate) {
        this.offices = offices;
        this.gate = gate;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", gate.need(Permission.READ, this::list))
                .get("/{id}", gate.need(Permission.READ, this::show))
                .post("/{id}", gate.need(Permission.APPROVE, this::decide));
    }

    private void list(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        String status = req.query().first("status").orElse("pending");
        List<Object> out = new ArrayList<>();
        // a tenant whose back office this service does not run has asked nobody anything
        offices.of(tenant).ifPresent(office -> {
            List<Approval> found = status.equals("pending")
                    ? office.office().approvals().pending(tenant)
                    : office.office().approvals().recent(tenant, 100);
            for (Approval a : found) {
                out.add(Views.approval(office.office().card(tenant, a)));
            }
        });
        Replies.json(
                res, Status.OK_200, Views.ordered("tenant", tenant.value(), "count", out.size(), "approvals", out));
    }

    private void show(Principal who, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        offices.of(who.tenant())
                .flatMap(o ->
                        o.office().find(who.tenant(), id).map(a -> o.office().card(who.tenant(), a)))
                .ifPresentOrElse(
                        card -> Replies.json(res, Status.OK_200, Views.approval(card)),
                        () -> Replies.json(res, Status.NOT_FOUND_404, Views.ordered("error", "no approval " + id)));
    }

    /**
     * {@code {"decision": "approve"|"edit"|"reject", "amounts": "...", "dates": "...", "text": "...", "reason":
     * "..."}}, decided as the caller (a {@code "by"} in the body is ignored: the audit log names the credential's
     * person).
     */
    private void decide(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        Map<String, String> body;
        try {
            body = JsonBodies.strings(req.content().hasEntity() ? req.content().as(String.class) : "");
        } catch (IllegalArgumentException e) {
            Replies.json(res, Status.BAD_REQUEST_400, Views.ordered("error", e.getMessage()));
            return;
        }
        Optional<Tenancy> found = offices.of(tenant);
        Outcome o = found.map(
                        t -> t.office().decide(who, req.path().pathParameters().get("id"), body))
                .orElseGet(() -> new Outcome.Refused(Outcome.Kind.NOT_FOUND, "There is no approval here."));
        switch (o) {
            case Outcome.Decided d ->
                Replies.json(
                        res,
                        Status.OK_200,
                        Views.ordered(
                                "approval",
                                Views.approval(found.get().office().card(tenant, d.approval())),
                                "reply",
                                d.reply().orElse(null)));
            case Outcome.Unchanged u ->
                Replies.json(
                        res,
                        Status.CONFLICT_409,
                        Views.ordered(
                                "error",
                                u.message(),
                                "approval",
                                Views.approval(found.get().office().card(tenant, u.approval()))));
            case Outcome.Refused r ->
                Replies.json(
                        res,
                        switch (r.kind()) {
                            case NOT_FOUND -> Status.NOT_FOUND_404;
                            case INVALID -> Status.BAD_REQUEST_400;
                            case EXPIRED, STALE -> Status.CONFLICT_409;
                            case OUT_OF_POLICY, WORDING -> UNPROCESSABLE;
                            case NOT_ALLOWED -> Status.FORBIDDEN_403;
                        },
                        Views.ordered(
                                "error", r.message(), "kind", r.kind().name().toLowerCase(Locale.ROOT)));
        }
    }
}
