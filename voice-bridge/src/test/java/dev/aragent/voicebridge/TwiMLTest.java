package dev.aragent.voicebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class TwiMLTest {

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNameWithMarkupAndCharactersXmlCannotCarryStaysTextInAWellFormedDocument() throws Exception {
        String xml = TwiML.voicemail("Smith & <b>Sons</b>", "Zoë \"Z\" O'Neil\u0001\u0000");

        Document d = parse(xml);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("Response");
        assertThat(d.getElementsByTagName("Say").item(0).getTextContent())
                .isEqualTo("Hello, this is Smith & <b>Sons</b> accounts receivable with a message for Zoë \"Z\""
                        + " O'Neil. Please call us back at your convenience. Thank you.");
        assertThat(d.getElementsByTagName("Hangup").getLength()).isEqualTo(1);
    }

    @Test
    void aCallIsConnectedToOurSocketNamingItsConversationAndWhereToAskNext() throws Exception {
        Document relay = parse(TwiML.relay(
                "wss://ar.example/voice/relay", "https://ar.example/voice/after?conversation=c1&x=1", "c1"));
        var connect =
                (org.w3c.dom.Element) relay.getElementsByTagName("Connect").item(0);
        assertThat(connect.getAttribute("action")).isEqualTo("https://ar.example/voice/after?conversation=c1&x=1");
        var cr = (org.w3c.dom.Element)
                relay.getElementsByTagName("ConversationRelay").item(0);
        assertThat(cr.getAttribute("url")).isEqualTo("wss://ar.example/voice/relay");
        assertThat(cr.getAttribute("interruptible")).isEqualTo("true");
        var p = (org.w3c.dom.Element) relay.getElementsByTagName("Parameter").item(0);
        assertThat(p.getAttribute("name")).isEqualTo("conversation");
        assertThat(p.getAttribute("value")).isEqualTo("c1");

        Document stream = parse(TwiML.stream("wss://ar.example/voice/media", "https://ar.example/voice/after", "c2"));
        assertThat(((org.w3c.dom.Element) stream.getElementsByTagName("Stream").item(0)).getAttribute("url"))
                .isEqualTo("wss://ar.example/voice/media");
    }

    @Test
    void aHangUpAndADialAreWholeDocuments() throws Exception {
        assertThat(TwiML.hangup())
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>");
        assertThat(parse(TwiML.dial("+15555550100"))
                        .getElementsByTagName("Dial")
                        .item(0)
                        .getTextContent())
                .isEqualTo("+15555550100");
    }
}
