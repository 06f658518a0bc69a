package dev.aragent.mailbox;

import dev.aragent.agent.conversation.OutboundEmail;
import dev.aragent.agent.conversation.SendResult;
import dev.aragent.agent.spi.MailSender;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email over SMTP with Jakarta Mail: multipart/alternative (text and simple HTML), our own Message-ID (kept on
 * every retry), In-Reply-To and References for threading, Reply-To with the conversation token, List-Unsubscribe.
 * SMTP 4xx and connection failures are retried later; 5xx refusals are not. One connection carries a whole batch
 * (servers prefer it to a connection per message, and it saves a TLS handshake each time); it is reopened after
 * {@link #IDLE} without use, after any failure, and once when a reused connection turns out to be dropped.
 */
public final class SmtpSender implements MailSender, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    /** A connection unused this long is closed and a new one opened: servers drop idle clients after a few minutes. */
    static final Duration IDLE = Duration.ofSeconds(30);

    private final Session session;
    private final String description;
    private Transport transport;
    private long lastUse;

    /** Where and how to send. The password is never printed. */
    public record Config(String host, int port, String user, String password, boolean startTls) {
        @Override
        public String toString() {
            return "SmtpSender.Config[" + host + ":" + port + ", user=" + user + ", password="
                    + (password.isEmpty() ? "" : "****") + "]";
        }
    }

    private SmtpSender(Session session, String description) {
        this.session = session;
        this.description = description;
    }

    public static SmtpSender create(Config config) {
        Properties p = new Properties();
        p.put("mail.smtp.host", config.host());
        p.put("mail.smtp.port", String.valueOf(config.port()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.starttls.enable", String.valueOf(config.startTls()));
        MailRuntime.install(p, "smtp");
        Authenticator auth = null;
        if (!config.user().isEmpty()) {
            p.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(config.user(), config.password());
                }
            };
        }
        return new SmtpSender(Session.getInstance(p, auth), config.host() + ":" + config.port());
    }

    @Override
    public synchronized SendResult send(OutboundEmail email) {
        MimeMessage message;
        try {
            message = message(email);
        } catch (jakarta.mail.internet.AddressException e) {
            // an address no server would take: retrying cannot help
            return new SendResult.Rejected("not an email address: " + e.getMessage());
        } catch (MessagingException e) {
            return new SendResult.Rejected("cannot build the message: " + e.getMessage());
        }
        try {
            deliver(message);
            LOG.atInfo().addKeyValue("message_id", email.messageId()).log("email sent");
            return new SendResult.Sent();
        } catch (SMTPSendFailedException e) {
            return e.getReturnCode() >= 500
                    ? new SendResult.Rejected("SMTP " + e.getReturnCode() + ": " + e.getMessage())
                    : new SendResult.RetryLater(
                            Duration.ofMinutes(1), "SMTP " + e.getReturnCode() + ": " + e.getMessage());
        } catch (SendFailedException e) {
            return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    ? new SendResult.Rejected("invalid address: " + e.getMessage())
                    : new SendResult.RetryLater(Duration.ofMinutes(1), e.getMessage());
        } catch (MessagingException e) {
            LOG.atWarn()
                    .addKeyValue("server", description)
                    .addKeyValue("error", e.getMessage())
                    .log("SMTP unavailable");
            return new SendResult.RetryLater(Duration.ofMinutes(1), "SMTP unavailable: " + e.getMessage());
        }
    }

    /** Sends on the open connection, or a new one; a reused connection that fails is replaced once. */
    private void deliver(MimeMessage message) throws MessagingException {
        boolean reused = transport != null && System.nanoTime() - lastUse < IDLE.toNanos();
        if (!reused) {
            close();
            open();
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            lastUse = System.nanoTime();
        } catch (SendFailedException e) {
            close(); // the server refused this message: start the next one on a clean connection
            throw e;
        } catch (MessagingException e) {
            close();
            if (!reused) {
                throw e;
            }
            LOG.atDebug().log("reused SMTP connection dropped, reconnecting: " + e.getMessage());
            open();
            try {
                transport.sendMessage(message, message.getAllRecipients());
                lastUse = System.nanoTime();
            } catch (MessagingException again) {
                close();
                throw again;
            }
        }
    }

    private void open() throws MessagingException {
        Transport t = session.getTransport("smtp");
        t.connect();
        transport = t;
    }

    /** Closes the connection; the next message opens a new one. */
    @Override
    public synchronized void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.atDebug().log("closing SMTP connection: " + e.getMessage());
            }
            transport = null;
        }
    }

    MimeMessage message(OutboundEmail email) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, "<" + email.messageId() + ">");
        message.setFrom(new InternetAddress(email.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to()));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(email.replyTo())});
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        email.inReplyTo().ifPresent(id -> header(message, "In-Reply-To", "<" + id + ">"));
        if (!email.references().isEmpty()) {
            message.setHeader(
                    "References",
                    String.join(
                            " ",
                            email.references().stream().map(r -> "<" + r + ">").toList()));
        }
        message.setHeader("List-Unsubscribe", email.listUnsubscribe());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static void header(MimeMessage m, String name, String value) {
        try {
            m.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message whose Message-ID is ours, not the one Jakarta Mail would make on saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }

    @Override
    public String toString() {
        return "SmtpSender[" + description + "]";
    }
}
