package dev.aragent.server.http;

import dev.aragent.agent.imports.ImportOutcome;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Prometheus metrics: HTTP request timings, imports by kind and outcome, database up, and the JVM's own. */
public final class Metrics {
    private static final Set<String> ROUTES =
            Set.of("/health", "/metrics", "/api/imports", "/api/invoices", "/api/summary", "/api/queue");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger databaseUp = new AtomicInteger();

    private Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        registry.gauge("ar_database_up", databaseUp);
    }

    @SuppressWarnings("resource") // the GC binder lives as long as the registry
    public static Metrics create() {
        Metrics m = new Metrics();
        new JvmGcMetrics().bindTo(m.registry);
        return m;
    }

    void time(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.proceed();
        } finally {
            String path = req.path().path();
            sample.stop(registry.timer(
                    "ar_http_requests",
                    "method",
                    req.prologue().method().text(),
                    "route",
                    ROUTES.contains(path) ? path : "other",
                    "status",
                    String.valueOf(res.status().code())));
        }
    }

    void imported(ImportOutcome outcome) {
        String name =
                switch (outcome) {
                    case ImportOutcome.Applied a -> "applied";
                    case ImportOutcome.Unchanged u -> "unchanged";
                    case ImportOutcome.Rejected r -> "rejected";
                };
        registry.counter("ar_imports", "kind", outcome.report().kind().code(), "outcome", name)
                .increment();
        registry.counter("ar_import_rows", "kind", outcome.report().kind().code())
                .increment(outcome.report().rows());
    }

    void databaseUp(boolean up) {
        databaseUp.set(up ? 1 : 0);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public String toString() {
        return "Metrics[" + registry.getMeters().size() + " meters]".toLowerCase(Locale.ROOT);
    }
}
