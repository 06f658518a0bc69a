package dev.aragent.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What every request passes before a route sees it: a {@code Host} the service answers to (loopback, the address it
 * binds, the public URL's host — a page on another name that resolves here, DNS rebinding, is refused); a
 * state-changing request from a browser page on another site ({@code Origin} not ours) is refused; and on every
 * answer the headers that keep a browser from sniffing, framing or loading anything the page did not ship.
 */
final class Walls {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Set<String> hosts;

    private Walls(Set<String> hosts) {
        this.hosts = Set.copyOf(hosts);
    }

    /** The names a request may address: loopback, {@code bindHost} unless it is a wildcard, and the public URL's. */
    static Walls of(String bindHost, Optional<URI> publicUrl) {
        Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "::1", "[::1]"));
        String bind = bindHost.toLowerCase(Locale.ROOT);
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.isBlank()) {
            names.add(bind);
        }
        publicUrl.map(URI::getHost).map(h -> h.toLowerCase(Locale.ROOT)).ifPresent(names::add);
        return new Walls(names);
    }

    Set<String> hosts() {
        return hosts;
    }

    void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Content-Security-Policy"), CSP);
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with its own form posts, and
        // the check below would refuse every sign-in from a real browser; other sites still get no referrer at all
        res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
        String host = req.headers().first(HeaderNames.HOST).orElse("");
        if (!answersTo(name(host))) {
            res.status(Status.MISDIRECTED_REQUEST_421)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .send("{\"error\":\"this service does not answer to the host name in the request\"}");
            return;
        }
        String method = req.prologue().method().text();
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (!SAFE.contains(method) && origin.isPresent() && !sameOrigin(origin.get(), host)) {
            // a browser page on another site posting here (cross-site request forgery); webhooks send no Origin
            res.status(Status.FORBIDDEN_403)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .send("{\"error\":\"a request from another site's page is refused\"}");
            return;
        }
        chain.proceed();
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * A host this service answers to: a configured name, or an IP literal (a probe or a proxy addressing the machine;
     * DNS rebinding needs a name, so an address cannot carry it).
     */
    boolean answersTo(String name) {
        return hosts.contains(name) || IP.matcher(name).matches();
    }

    private static final java.util.regex.Pattern IP =
            java.util.regex.Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-f:.]+]");

    /**
     * Whether a page's {@code Origin} is this service itself: the host and port the request was sent to (another app on
     * localhost:3000 is another site).
     */
    static boolean sameOrigin(String origin, String hostHeader) {
        try {
            URI o = URI.create(origin.strip());
            if (o.getHost() == null) {
                return false;
            }
            int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String h = hostHeader.strip().toLowerCase(Locale.ROOT);
            int colon = h.lastIndexOf(':');
            boolean hasPort = colon > h.lastIndexOf(']');
            String hostName = name(h);
            int hostPort = hasPort ? Integer.parseInt(h.substring(colon + 1)) : port;
            String originHost = o.getHost().toLowerCase(Locale.ROOT);
            return (originHost.equals(hostName) || ("[" + originHost + "]").equals(hostName)) && port == hostPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host part of a {@code Host} header: without the port, lower-cased, an IPv6 literal kept in brackets. */
    static String name(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
