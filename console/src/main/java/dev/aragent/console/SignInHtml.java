package dev.aragent.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The sign-in pages as people see them: the form (with its message) and its frame. */
public final class SignInHtml {
    private SignInHtml() {}

    /** A whole page: {@code body} in the sign-in pages' frame, titled {@code title}. */
    public static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + "</title><style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto}"
                + "label{display:block;margin:.8rem 0}input{display:block;width:100%;padding:.4rem}"
                + "button{padding:.5rem 1.2rem}.error{color:#a00}</style></head><body>" + body
                + "</body></html>";
    }

    /**
     * The sign-in form with {@code message} (none when empty), the email already typed kept in its field; {@code next}
     * is where to go after (a local path); with {@code sso}, a link to sign in at the company's provider.
     */
    public static String form(String next, String message, String login, boolean sso) {
        return "<h1>Sign in to ar-agent</h1>"
                + (message.isEmpty() ? "" : "<p role=\"alert\" class=\"error\">" + Html.escape(message) + "</p>")
                + "<form method=\"post\" action=\"/login\">"
                + "<label>Email <input name=\"login\" type=\"email\" autocomplete=\"username\" required value=\""
                + Html.escape(login) + "\"></label>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required></label>"
                + "<label>One-time code (if you use an authenticator app) <input name=\"code\""
                + " inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"6\"></label>"
                + "<label>Company id (if you work for several) <input name=\"tenant\"></label>"
                + "<input type=\"hidden\" name=\"next\" value=\"" + Html.escape(next) + "\">"
                + "<button>Sign in</button></form>"
                + (sso
                        ? "<p><a href=\"/login/oidc?next="
                                + Html.escape(URLEncoder.encode(next, StandardCharsets.UTF_8))
                                + "\">Sign in with your company account</a></p>"
                        : "");
    }
}
