package dev.aragent.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aragent.agent.crm.CrmEvent;
import dev.aragent.agent.ledger.TenantId;
import dev.aragent.agent.spi.CrmSink;
import dev.aragent.agent.spi.PermanentFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes CRM events to HubSpot's CRM v3 API: the company (found by the custom property {@code ar_customer_key},
 * created when missing) gets the disposition fields as properties ({@code ar_payment_status}, …); a note on the company
 * and its contact records each event, a task each follow-up. Notes and tasks carry a token derived from the event id
 * and are looked up by it before they are created, so a redelivered event writes nothing twice. The {@code ar_*}
 * company properties must exist in the portal (README).
 */
public final class HubSpotCrmSink implements CrmSink {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY_PROPERTY = "ar_customer_key";
    /** HubSpot-defined association types: note→company, note→contact, task→company, task→contact. */
    private static final int NOTE_COMPANY = 190;

    private static final int NOTE_CONTACT = 202;
    private static final int TASK_COMPANY = 192;
    private static final int TASK_CONTACT = 204;

    private final URI base;
    private final String token;
    private final HttpClient http;

    private HubSpotCrmSink(URI base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** {@code base} is {@code https://api.hubapi.com} in production; {@code token} a private app's access token. */
    public static HubSpotCrmSink create(URI base, String token) {
        if (token.isBlank()) {
            throw new IllegalArgumentException("a HubSpot private app token is required");
        }
        return new HubSpotCrmSink(base, token, CrmHttp.client());
    }

    @Override
    public String name() {
        return "hubspot";
    }

    @Override
    public void write(TenantId tenant, CrmEvent e) {
        String company = company(e);
        Optional<String> contact = e.contactEmail().map(this::contact);
        if (e.kind() == CrmEvent.Kind.DISPOSITION) {
            ObjectNode props = JSON.createObjectNode();
            e.properties().forEach((k, v) -> props.put("ar_" + k, v));
            ObjectNode body = JSON.createObjectNode();
            body.set("properties", props);
            call("PATCH", "/crm/v3/objects/companies/" + company, body);
        }
        String mark = mark(e.id());
        if (search("notes", "hs_note_body", "CONTAINS_TOKEN", mark).isEmpty()) {
            ObjectNode p = JSON.createObjectNode();
            p.put("hs_timestamp", e.at().toString());
            p.put("hs_note_body", e.note() + details(e) + "\n[" + mark + "]");
            create("notes", p, company, contact, NOTE_COMPANY, NOTE_CONTACT);
        }
        for (int i = 0; i < e.tasks().size(); i++) {
            String taskMark = mark + "t" + i;
            if (search("tasks", "hs_task_body", "CONTAINS_TOKEN", taskMark).isPresent()) {
                continue;
            }
            String task = e.tasks().get(i);
            ObjectNode p = JSON.createObjectNode();
            p.put("hs_timestamp", e.at().toString());
            p.put(
                    "hs_task_subject",
                    "Collections: " + e.customerName() + " — " + task.split(":", 2)[0].replace('_', ' '));
            p.put("hs_task_body", task + "\n[" + taskMark + "]");
            p.put("hs_task_status", "NOT_STARTED");
            p.put("hs_task_priority", "HIGH");
            create("tasks", p, company, contact, TASK_COMPANY, TASK_CONTACT);
        }
    }

    private static String details(CrmEvent e) {
        StringBuilder b = new StringBuilder();
        e.properties().forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.append("\n").append(k).append(": ").append(v);
            }
        });
        return b.toString();
    }

    private String company(CrmEvent e) {
        Optional<String> found =
                search("companies", KEY_PROPERTY, "EQ", e.customer().value());
        if (found.isPresent()) {
            return found.get();
        }
        ObjectNode p = JSON.createObjectNode();
        p.put("name", e.customerName());
        p.put(KEY_PROPERTY, e.customer().value());
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", p);
        return call("POST", "/crm/v3/objects/companies", body).path("id").asText();
    }

    private String contact(String email) {
        String address = email.toLowerCase(Locale.ROOT);
        Optional<String> found = search("contacts", "email", "EQ", address);
        if (found.isPresent()) {
            return found.get();
        }
        ObjectNode p = JSON.createObjectNode();
        p.put("email", address);
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", p);
        return call("POST", "/crm/v3/objects/contacts", body).path("id").asText();
    }

    private void create(
            String type, ObjectNode props, String company, Optional<String> contact, int toCompany, int toContact) {
        ObjectNode body = JSON.createObjectNode();
        body.set("properties", props);
        ArrayNode assoc = body.putArray("associations");
        association(assoc, company, toCompany);
        contact.ifPresent(c -> association(assoc, c, toContact));
        call("POST", "/crm/v3/objects/" + type, body);
    }

    private static void association(ArrayNode assoc, String id, int type) {
        ObjectNode a = assoc.addObject();
        a.putObject("to").put("id", id);
        ObjectNode t = a.putArray("types").addObject();
        t.put("associationCategory", "HUBSPOT_DEFINED");
        t.put("associationTypeId", type);
    }

    private Optional<String> search(String type, String property, String operator, String value) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode filter =
                body.putArray("filterGroups").addObject().putArray("filters").addObject();
        filter.put("propertyName", property);
        filter.put("operator", operator);
        filter.put("value", value);
        body.put("limit", 1);
        JsonNode results =
                call("POST", "/crm/v3/objects/" + type + "/search", body).path("results");
        return results.isArray() && !results.isEmpty()
                ? Optional.of(results.get(0).path("id").asText())
                : Optional.empty();
    }

    private JsonNode call(String method, String path, ObjectNode body) {
        HttpRequest request = CrmHttp.request(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        String answer = CrmHttp.send(http, request, "HubSpot " + method + " " + path);
        try {
            return answer.isBlank() ? JSON.createObjectNode() : JSON.readTree(answer);
        } catch (JsonProcessingException ex) {
            throw new PermanentFailure("HubSpot answered " + path + " with something that is not JSON", ex);
        }
    }

    /** A token made of letters and digits only, so HubSpot's CONTAINS_TOKEN finds it whole. */
    static String mark(String eventId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
            return "arevt" + HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString() {
        return "HubSpotCrmSink[" + base + ", token=****]";
    }
}
