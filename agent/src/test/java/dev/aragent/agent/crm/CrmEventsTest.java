package dev.aragent.agent.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.conversation.ConversationId;
import dev.aragent.agent.ledger.CustomerKey;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the CRM is told of an approval and of a phone's consent, worded here rather than where it is stored. */
class CrmEventsTest {
    static final Instant AT = Instant.parse("2026-11-23T15:00:00Z");
    static final CrmEvents.Subject SUBJECT = new CrmEvents.Subject(
            CustomerKey.of("C-7"),
            "Blue Fern Bistro",
            Optional.of("maria@bluefern.example"),
            Optional.of(new ConversationId(UUID.fromString("00000000-0000-0000-0000-000000000007"))),
            "approval-42",
            AT);

    @Test
    void anApprovalCarriesItsStatusWhoAndTheNoteOrThatTermsWereAgreed() {
        CrmEvent rejected = CrmEvents.approval(
                SUBJECT,
                new Approval.Resolution(
                        UUID.randomUUID(),
                        Approval.Status.REJECTED,
                        "dana@northwind.example",
                        AT,
                        Optional.of("too long a plan"),
                        Optional.empty()));
        assertThat(rejected.id()).isEqualTo("approval-42:approval");
        assertThat(rejected.kind()).isEqualTo(CrmEvent.Kind.APPROVAL);
        assertThat(rejected.properties())
                .containsEntry("status", "rejected")
                .containsEntry("by", "dana@northwind.example");
        assertThat(rejected.note()).isEqualTo("Approval rejected by dana@northwind.example: too long a plan");
    }

    @Test
    void aStopAndAStartAreContactChangesWithTheKeywordAndPhone() {
        CrmEvent stop = CrmEvents.consent(SUBJECT, "+15555550123", true, "STOP");
        assertThat(stop.id()).isEqualTo("approval-42:consent");
        assertThat(stop.kind()).isEqualTo(CrmEvent.Kind.CONTACT_CHANGE);
        assertThat(stop.properties())
                .containsEntry("phone", "+15555550123")
                .containsEntry("sms_opt_out", "true")
                .containsEntry("keyword", "STOP");
        assertThat(stop.note()).isEqualTo("Opted out of texts (STOP): +15555550123");
        assertThat(CrmEvents.consent(SUBJECT, "+15555550123", false, "START").note())
                .isEqualTo("Opted in to texts again (START): +15555550123");
    }
}
