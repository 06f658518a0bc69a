/**
 * Who a person is, proven: password hashing with Argon2id ({@link dev.aragent.identity.Argon2Passwords}, the {@link
 * dev.aragent.agent.spi.PasswordHasher} adapter) and sign-in at the company's OpenID Connect provider ({@link
 * dev.aragent.identity.OidcSignIn}, through Nimbus). What a person may then do is decided in {@code agent.access}; the
 * web server's gate is in {@code server.http}.
 */
@NullMarked
package dev.aragent.identity;

import org.jspecify.annotations.NullMarked;
