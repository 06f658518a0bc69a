package dev.aragent.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in at an OpenID Connect provider through Nimbus: discovery, the authorization-code flow with PKCE (S256), a
 * state bound to the browser and a nonce bound to the ID token; the token's signature (against the provider's JWKS),
 * issuer, audience, expiry and nonce are checked, and the person is whoever has the token's verified email as login.
 * Pending sign-ins live in memory for ten minutes (a restart asks the person to start again).
 */
public final class OidcSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private static final Duration PENDING = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;

    /** Where to send the browser, and the state to bind to it (in a cookie) so another browser cannot finish it. */
    public record Start(URI authorize, String state) {}

    /** How coming back from the provider ended. */
    public sealed interface Result {
        record Verified(String email, String next) implements Result {}

        record Refused(String reason) implements Result {}
    }

    private record Pending(Nonce nonce, CodeVerifier verifier, URI redirect, String next, Instant expires) {}

    private final Client config;
    private final InstantSource clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private volatile Optional<Provider> provider = Optional.empty();

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    private OidcSignIn(Client config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * This service as a client of an OpenID provider: the provider's issuer URL and the client id and secret it
     * registered (the redirect URI registered with it is {@code PUBLIC_URL/login/oidc/callback}).
     */
    public record Client(URI issuer, String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Client[" + issuer + ", " + clientId + ", secret ***]";
        }
    }

    public static OidcSignIn create(Client config, InstantSource clock) {
        return new OidcSignIn(config, clock);
    }

    /** The provider's metadata and key set, discovered on first use (and again after a failure). */
    private Provider provider() {
        Optional<Provider> p = provider;
        if (p.isPresent()) {
            return p.get();
        }
        try {
            OIDCProviderMetadata meta =
                    OIDCProviderMetadata.resolve(new Issuer(config.issuer().toString()));
            IDTokenValidator validator = new IDTokenValidator(
                    meta.getIssuer(),
                    new ClientID(config.clientId()),
                    JWSAlgorithm.RS256,
                    meta.getJWKSetURI().toURL());
            Provider fresh = new Provider(meta, validator);
            provider = Optional.of(fresh);
            return fresh;
        } catch (com.nimbusds.oauth2.sdk.GeneralException | IOException e) {
            throw new IllegalStateException(
                    "cannot read the OpenID provider's configuration at " + config.issuer() + ": " + e.getMessage(), e);
        }
    }

    /** Begins a sign-in that returns to {@code redirect} and then to {@code next}. */
    public synchronized Start start(URI redirect, String next) {
        Provider p = provider();
        Instant now = clock.instant();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().expires())) {
                it.remove();
            } else {
                break;
            }
        }
        if (pending.size() >= MAX_PENDING) {
            // a flood of starts must not push out the sign-ins people are in the middle of
            throw new IllegalStateException("too many sign-ins in progress");
        }
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        pending.put(state.getValue(), new Pending(nonce, verifier, redirect, next, now.plus(PENDING)));
        URI authorize = new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new Scope("openid", "email", "profile"),
                        new ClientID(config.clientId()),
                        redirect)
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Start(authorize, state.getValue());
    }

    /**
     * Finishes a sign-in from the provider's redirect ({@code callback}, with its query) in the browser that began it
     * ({@code boundState}, from its cookie).
     */
    public Result finish(URI callback, Optional<String> boundState) {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            return refused("the provider's answer could not be read");
        }
        String state =
                Optional.ofNullable(response.getState()).map(State::getValue).orElse("");
        Pending p;
        synchronized (this) {
            p = pending.remove(state);
        }
        if (p == null || boundState.filter(state::equals).isEmpty()) {
            return refused("this sign-in was not started in this browser, or was used already");
        }
        if (!clock.instant().isBefore(p.expires())) {
            return refused("the sign-in took too long; start again");
        }
        if (!response.indicatesSuccess()) {
            return refused("the provider refused: "
                    + response.toErrorResponse().getErrorObject().getCode());
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            return refused("the provider sent no authorization code");
        }
        return exchange(code, p);
    }

    private Result exchange(AuthorizationCode code, Pending p) {
        Provider provider = provider();
        try {
            TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(
                            provider.metadata().getTokenEndpointURI(),
                            new ClientSecretBasic(new ClientID(config.clientId()), new Secret(config.clientSecret())),
                            new AuthorizationCodeGrant(code, p.redirect(), p.verifier()))
                    .toHTTPRequest()
                    .send());
            if (!tokens.indicatesSuccess()) {
                return refused("the provider would not give tokens: "
                        + tokens.toErrorResponse().getErrorObject().getCode());
            }
            JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse())
                    .getOIDCTokens()
                    .getIDToken();
            IDTokenClaimsSet claims = provider.validator().validate(idToken, p.nonce());
            String email = claims.getStringClaim("email");
            Boolean verified = claims.getBooleanClaim("email_verified");
            if (email == null || !Boolean.TRUE.equals(verified)) {
                return refused("the provider did not vouch for an email address");
            }
            return new Result.Verified(email, p.next());
        } catch (BadJOSEException | JOSEException e) {
            return refused("the ID token failed its checks: " + e.getMessage());
        } catch (ParseException | IOException | ClassCastException e) {
            return refused("the provider's token answer could not be read: " + e.getMessage());
        }
    }

    private static Result refused(String reason) {
        LOG.atWarn().addKeyValue("reason", reason).log("single sign-on refused");
        return new Result.Refused(reason);
    }

    /** {@code base/login/oidc/callback}: the redirect URI to register with the provider. */
    public static URI redirect(String base) {
        try {
            return URI.create(base.replaceFirst("/$", "") + "/login/oidc/callback")
                    .toURL()
                    .toURI();
        } catch (MalformedURLException | java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base URL: " + base, e);
        }
    }
}
