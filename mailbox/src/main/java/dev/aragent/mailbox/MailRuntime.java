package dev.aragent.mailbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * How ar-agent runs Jakarta Mail, measured on the simulator:
 *
 * <ul>
 *   <li>Mail sockets with Nagle's algorithm off. SMTP and IMAP are chatty (command, answer, command): with Nagle on, a
 *       command written in two pieces waits for the server's delayed acknowledgement, about 40 ms on Linux, on every
 *       turn (a median of 40.6 ms per SMTP answer before, under a millisecond after).
 *   <li>The stream provider named, not looked up: Jakarta Mail 2.1 otherwise scans every jar's service files for it
 *       each time a multipart or body part is made (jakartaee/mail-api#699, #861), about 1.5 ms a message here.
 * </ul>
 *
 * See ADR 0020.
 */
public final class MailRuntime {
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private MailRuntime() {}

    /**
     * Sets the plain socket factory of {@code protocol} ("smtp", "imap") in {@code p}, and the stream provider. STARTTLS
     * wraps that socket, so it keeps the setting; TLS from the first byte (imaps) keeps Jakarta Mail's own factory and
     * its certificate checks.
     */
    public static void install(Properties p, String protocol) {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        p.put("mail." + protocol + ".socketFactory", new Plain(SocketFactory.getDefault()));
    }

    private static Socket noDelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }

    private static final class Plain extends SocketFactory {
        private final SocketFactory inner;

        Plain(SocketFactory inner) {
            this.inner = inner;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(inner.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(inner.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(inner.createSocket(host, port, local, localPort));
        }
    }
}
