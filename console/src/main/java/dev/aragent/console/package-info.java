/**
 * What people see, rendered from agent's records and nothing else: the sign-in pages ({@link
 * dev.aragent.console.SignInHtml}), the portfolio report as one self-contained page ({@link
 * dev.aragent.console.ReportPage}), the JSON views the HTTP API and the CLI's {@code --json} print ({@link
 * dev.aragent.console.Views}), and the CLI's text reports ({@link dev.aragent.console.TextReports}). Every value from
 * a book or a debtor is escaped where it enters HTML ({@code Html}). The routes that serve these are in {@code
 * server.http}; the console's pages for the AR team (issue 24) go here.
 */
@NullMarked
package dev.aragent.console;

import org.jspecify.annotations.NullMarked;
