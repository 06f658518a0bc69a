package dev.aragent.server;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Single sign-on with an OpenID Connect provider ({@code oidc.issuer}, {@code oidc.client-id}, {@code
 * oidc.client-secret}): people sign in at the provider and come back as the person whose login is their verified
 * email. The redirect URI registered with the provider is {@code PUBLIC_URL/login/oidc/callback}.
 */
public record OidcConfig(URI issuer, String clientId, String clientSecret) {
    public OidcConfig {
        if (issuer.getScheme() == null || !issuer.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("oidc.issuer must be an http(s) URL, got '" + issuer + "'");
        }
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IllegalArgumentException("oidc.client-id and oidc.client-secret are required with oidc.issuer");
        }
    }

    @Override
    public String toString() {
        return "OidcConfig[" + issuer + ", client " + clientId + ", secret ***]";
    }

    static Optional<OidcConfig> from(Map<String, String> v) {
        String issuer = v.getOrDefault("oidc.issuer", "").strip();
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OidcConfig(
                    URI.create(issuer),
                    v.getOrDefault("oidc.client-id", "").strip(),
                    v.getOrDefault("oidc.client-secret", "").strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
