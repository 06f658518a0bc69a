package dev.aragent.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aragent.agent.access.Permission;
import dev.aragent.agent.access.Principal;
import dev.aragent.agent.imports.ImportOutcome;
import dev.aragent.agent.ledger.InvoiceStatus;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.console.Views;
import dev.aragent.server.App;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP surface: health, Prometheus metrics, and the JSON API over the caller's tenant's book. Handlers parse and
 * delegate; the work is in {@link App}.
 */
public final class HttpApi {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_PAGE = 1_000;
    private static final Status UNPROCESSABLE = Status.create(422, "Unprocessable Content");

    private final App app;
    private final Metrics metrics;
    private final Gate gate;

    private HttpApi(App app, Metrics metrics, Gate gate) {
        this.app = app;
        this.metrics = metrics;
        this.gate = gate;
    }

    static HttpApi create(App app, Metrics metrics, Gate gate) {
        return new HttpApi(app, metrics, gate);
    }

    /**
     * The routes, each behind the gate with the permission it needs ({@code /health} alone answers everyone); the
     * tenant of every answer is the credential's. {@code serve} and the socket tests share them.
     */
    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(metrics::time)
                .get("/health", this::health)
                .get("/metrics", gate.need(Permission.ADMIN, this::metrics)) // figures of every tenant
                .post("/api/imports", gate.need(Permission.IMPORT, this::importFile))
                .get("/api/invoices", gate.need(Permission.READ, this::invoices))
                .get(
                        "/api/summary",
                        gate.need(
                                Permission.READ,
                                (who, req, res) -> json(
                                        res,
                                        Status.OK_200,
                                        Views.summary(app.reports().summary(who.tenant())))))
                .get("/api/queue", gate.need(Permission.READ, this::queue))
                .get(
                        "/api/report",
                        gate.need(
                                Permission.READ,
                                (who, req, res) -> json(
                                        res,
                                        Status.OK_200,
                                        Views.report(app.reports().portfolio(who.tenant())))));
    }

    private void health(ServerRequest req, ServerResponse res) {
        boolean up = app.database().healthy();
        metrics.databaseUp(up);
        json(
                res,
                up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                Views.ordered("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN"));
    }

    private void metrics(Principal who, ServerRequest req, ServerResponse res) {
        metrics.databaseUp(app.database().healthy());
        res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                .send(metrics.scrape());
    }

    private void importFile(Principal who, ServerRequest req, ServerResponse res) {
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        if (body.length == 0) {
            error(res, Status.BAD_REQUEST_400, "send the CSV file as the request body (Content-Type: text/csv)");
            return;
        }
        var q = req.query();
        if (q.first("kind").orElse("").strip().equalsIgnoreCase("bank")) {
            bankFile(who, q.first("filename").orElse("bank-file"), body, res);
            return;
        }
        ImportOutcome outcome;
        try {
            outcome = app.importFiles()
                    .apply(
                            who.tenant(),
                            q.first("filename").orElse("upload.csv"),
                            body,
                            q.first("profile").orElse("generic"),
                            q.first("kind").orElse("auto"),
                            q.first("accept").map(Boolean::parseBoolean).orElse(false),
                            who.actor());
        } catch (IllegalArgumentException e) {
            error(res, Status.BAD_REQUEST_400, e.getMessage());
            return;
        }
        metrics.imported(outcome);
        Status status =
                switch (outcome) {
                    case ImportOutcome.Applied a -> Status.CREATED_201;
                    case ImportOutcome.Unchanged u -> Status.OK_200;
                    case ImportOutcome.Rejected r -> UNPROCESSABLE;
                };
        json(res, status, Views.outcome(outcome));
    }

    /** A bank file (the body) taken in: 201 with what it did, 200 when unchanged, 400 refused with why; needs CASH. */
    private void bankFile(Principal who, String name, byte[] body, ServerResponse res) {
        if (!who.may(Permission.CASH)) {
            error(
                    res,
                    Status.FORBIDDEN_403,
                    "taking a bank file in applies receipts: this credential may not apply cash");
            return;
        }
        dev.aragent.agent.app.CashDesk.Taken taken;
        try {
            taken = app.importFiles().takeBank(who.tenant(), name, body, who.actor());
        } catch (IllegalArgumentException e) {
            error(res, Status.BAD_REQUEST_400, "refused, nothing was written: " + e.getMessage());
            return;
        }
        json(res, taken.unchanged() ? Status.OK_200 : Status.CREATED_201, Views.taken(taken));
    }

    private void invoices(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        InvoiceStatus status;
        int limit;
        int offset;
        try {
            status = InvoiceStatus.fromCode(
                    req.query().first("status").orElse("open").toLowerCase(Locale.ROOT));
            limit = Integer.parseInt(req.query().first("limit").orElse("100"));
            offset = Integer.parseInt(req.query().first("offset").orElse("0"));
        } catch (IllegalArgumentException e) {
            error(res, Status.BAD_REQUEST_400, "status must be open, paid or closed; limit and offset whole numbers");
            return;
        }
        if (limit < 1 || limit > MAX_PAGE || offset < 0) {
            error(res, Status.BAD_REQUEST_400, "limit must be 1-" + MAX_PAGE + " and offset at least 0");
            return;
        }
        List<Map<String, Object>> page = app.ledger().invoices(tenant, status, offset, limit).stream()
                .map(Views::invoice)
                .toList();
        json(
                res,
                Status.OK_200,
                Views.ordered(
                        "tenant",
                        tenant.value(),
                        "status",
                        status.code(),
                        "offset",
                        offset,
                        "limit",
                        limit,
                        "count",
                        page.size(),
                        "invoices",
                        page));
    }

    private void queue(Principal who, ServerRequest req, ServerResponse res) {
        TenantId tenant = who.tenant();
        int limit;
        try {
            limit = Integer.parseInt(req.query().first("limit").orElse("50"));
        } catch (NumberFormatException e) {
            error(res, Status.BAD_REQUEST_400, "limit must be a whole number");
            return;
        }
        json(
                res,
                Status.OK_200,
                Views.queue(
                        tenant,
                        app.ledger().scoringBlockedReason(tenant),
                        app.queue().plan(tenant, Math.clamp(limit, 1, MAX_PAGE))));
    }

    private static void error(ServerResponse res, Status status, String message) {
        json(res, status, Views.ordered("error", message));
    }

    private static void json(ServerResponse res, Status status, Object body) {
        Replies.json(res, status, body);
    }

    /** Pretty JSON of a view. */
    public static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
