package dev.aragent.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.SendResult;
import dev.aragent.agent.spi.MailSender;
import dev.aragent.agent.spi.MailSenderContract;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mail sender contract through Jakarta Mail against GreenMail's SMTP server, one per test, logging in as the AR
 * mailbox. What the server took is read from the mailboxes it delivered to. GreenMail accepts every recipient, so a
 * refusal for good (SMTP 5xx) is not something it can show; a passing failure is its answer when storing a message
 * fails: {@code 451} after DATA.
 */
class SmtpSenderIT implements MailSenderContract {
    private static final String AR = "ar@northwind.example";
    private static final String PASSWORD = "ar-smtp-secret";

    private volatile boolean storeFails;
    private GreenMail mail;
    private SmtpSender sender;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mail.setUser(AR, AR, PASSWORD);
        UserManager users = mail.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            if (storeFails) {
                throw new MessagingException("mailbox store unavailable");
            }
            return delivery.handle(message, address);
        });
        sender = SmtpSender.create(
                new SmtpSender.Config("127.0.0.1", mail.getSmtp().getPort(), AR, PASSWORD, false));
    }

    @AfterEach
    void stop() {
        sender.close();
        mail.stop();
    }

    @Override
    public MailSender sender() {
        return sender;
    }

    @Override
    public List<Received> received() {
        List<Received> out = new ArrayList<>();
        try {
            for (GreenMailUser user : mail.getUserManager().listUser()) {
                for (StoredMessage stored :
                        mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    out.add(received(user.getEmail(), stored.getMimeMessage()));
                }
            }
        } catch (FolderException | MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Storing fails, so GreenMail answers DATA with {@code 451 Requested action aborted}. */
    @Override
    public void providerGoesDown() {
        storeFails = true;
    }

    @Override
    public void providerComesBack() {
        storeFails = false;
    }

    private static Received received(String mailbox, MimeMessage m) throws MessagingException, IOException {
        return new Received(
                mailbox,
                Optional.ofNullable(m.getMessageID())
                        .map(SmtpSenderIT::unbracket)
                        .orElse(""),
                address(m.getFrom()),
                address(m.getRecipients(Message.RecipientType.TO)),
                address(m.getReplyTo()),
                Optional.ofNullable(m.getSubject()).orElse(""),
                Optional.ofNullable(m.getHeader("In-Reply-To", " ")).map(SmtpSenderIT::unbracket),
                Optional.ofNullable(m.getHeader("References", " "))
                        .map(refs -> Arrays.stream(refs.strip().split("\\s+"))
                                .map(SmtpSenderIT::unbracket)
                                .toList())
                        .orElse(List.of()),
                Optional.ofNullable(m.getHeader("List-Unsubscribe", ",")).orElse(""),
                part(m, "text/plain"),
                part(m, "text/html"));
    }

    /** The one address of a header as a mail client shows it; anything else (none, several) shows as a list. */
    private static String address(Address[] addresses) {
        if (addresses == null || addresses.length != 1 || !(addresses[0] instanceof InternetAddress a)) {
            return Arrays.toString(addresses);
        }
        return a.toUnicodeString();
    }

    /** A Message-ID without its angle brackets; a value not in them stays as it is, so the contract sees it. */
    private static String unbracket(String id) {
        String s = id.strip();
        return s.length() > 2 && s.startsWith("<") && s.endsWith(">") && s.indexOf('<', 1) < 0
                ? s.substring(1, s.length() - 1)
                : s;
    }

    /** The decoded part of a type inside multipart/alternative, line ends as LF; empty when the shape is not that. */
    private static String part(MimeMessage m, String type) throws MessagingException, IOException {
        if (m.isMimeType("multipart/alternative") && m.getContent() instanceof Multipart alternative) {
            for (int i = 0; i < alternative.getCount(); i++) {
                BodyPart part = alternative.getBodyPart(i);
                if (part.isMimeType(type) && part.getContent() instanceof String content) {
                    return content.replace("\r\n", "\n");
                }
            }
        }
        return "";
    }

    @Test
    void aPassingFailureShouldBeRetryLaterNamingTheServersAnswer() {
        providerGoesDown();

        SendResult result = sender.send(MailSenderContract.email(
                "e5a7c9b1-4f6b-4c8d-0e2a-3b5d7f9c1e4a@northwind.example",
                DEBTOR,
                "Invoice INV-1041 from Northwind Wholesale",
                "Invoice INV-1041 is past due.",
                Optional.empty(),
                List.of()));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class, r -> assertThat(r.reason()).contains("451"));
    }

    @Test
    void toStringShouldNotShowThePassword() {
        assertThat(sender.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void messagesShouldGoOutAfterTheConnectionWasClosed() {
        OutboundEmail first = MailSenderContract.email(
                "f6b8d0c2-5a7c-4d9e-1f3b-4c6e8a0d2f5b@northwind.example",
                DEBTOR,
                "Invoice INV-1041 from Northwind Wholesale",
                "First.",
                Optional.empty(),
                List.of());
        OutboundEmail second = MailSenderContract.email(
                "07c9e1d3-6b8d-4e0f-2a4c-5d7f9b1e3a6c@northwind.example",
                DEBTOR,
                "Re: Invoice INV-1041 from Northwind Wholesale",
                "Second.",
                Optional.empty(),
                List.of());

        assertThat(sender.send(first)).isInstanceOf(SendResult.Sent.class);
        sender.close();
        assertThat(sender.send(second)).isInstanceOf(SendResult.Sent.class);

        assertThat(received()).containsExactly(MailSenderContract.intact(first), MailSenderContract.intact(second));
    }
}
