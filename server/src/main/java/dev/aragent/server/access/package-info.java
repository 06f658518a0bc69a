/**
 * The server's side of access: hashing passwords (Argon2id) for {@link dev.aragent.agent.access.Access}. Who may do
 * what is decided in {@code agent.access}; the web server's gate is in {@code server.http}. Start with
 * {@link dev.aragent.server.access.Argon2Passwords}.
 */
@NullMarked
package dev.aragent.server.access;

import org.jspecify.annotations.NullMarked;
