package dev.aragent.server.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider on loopback speaking the real protocol: discovery, JWKS, the authorization endpoint (it signs in
 * {@link #user} at once), the token endpoint with client_secret_basic and PKCE (S256) checked, RS256 ID tokens. {@link
 * #mode} makes it misbehave the ways a relying party must refuse.
 */
final class FakeOidcProvider implements AutoCloseable {
    enum Mode {
        GOOD,
        WRONG_AUDIENCE,
        EXPIRED,
        BAD_NONCE,
        BAD_SIGNATURE,
        UNVERIFIED_EMAIL
    }

    static final String CLIENT = "ar-agent-test";
    static final String SECRET = "client-secret-for-tests";

    private final HttpServer http;
    private final RSAKey key;
    private final RSAKey stranger;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    volatile Mode mode = Mode.GOOD;
    volatile String user = "dana@north.example";

    private FakeOidcProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/.well-known/openid-configuration", this::discovery);
        http.createContext("/jwks", ex -> send(ex, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        http.createContext("/authorize", this::authorize);
        http.createContext("/token", this::token);
        http.start();
    }

    static FakeOidcProvider start() {
        try {
            return new FakeOidcProvider();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    URI issuer() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void discovery(HttpExchange ex) throws IOException {
        String i = issuer().toString();
        send(ex, 200, "application/json", """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token",
                 "jwks_uri":"%s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"],"scopes_supported":["openid","email"]}
                """.formatted(i, i, i, i));
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        if (!CLIENT.equals(q.get("client_id"))
                || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null) {
            send(ex, 400, "text/plain", "bad authorization request");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, q);
        ex.getResponseHeaders()
                .add(
                        "Location",
                        q.get("redirect_uri") + "?code=" + code + "&state="
                                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> asked = codes.remove(f.getOrDefault("code", ""));
        if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        if (asked == null
                || !"authorization_code".equals(f.get("grant_type"))
                || !asked.get("redirect_uri").equals(f.get("redirect_uri"))
                || !s256(f.getOrDefault("code_verifier", "")).equals(asked.get("code_challenge"))) {
            send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer().toString())
                .subject("sub-" + user)
                .audience(mode == Mode.WRONG_AUDIENCE ? "someone-else" : CLIENT)
                .issueTime(new Date(now - (mode == Mode.EXPIRED ? 3_600_000 : 0)))
                .expirationTime(new Date(now + (mode == Mode.EXPIRED ? -1_800_000 : 300_000)))
                .claim("nonce", mode == Mode.BAD_NONCE ? "not-the-nonce" : asked.get("nonce"))
                .claim("email", user)
                .claim("email_verified", mode != Mode.UNVERIFIED_EMAIL)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
            jwt.sign(new RSASSASigner(mode == Mode.BAD_SIGNATURE ? stranger : key));
            send(
                    ex,
                    200,
                    "application/json",
                    "{\"access_token\":\"at-" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                            + "\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (JOSEException e) {
            send(ex, 500, "text/plain", e.toString());
        }
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
