package dev.aragent.agent.spi;

import static dev.aragent.agent.spi.ApprovalBookContract.DANA;
import static dev.aragent.agent.spi.ApprovalBookContract.EDITED;
import static dev.aragent.agent.spi.ApprovalBookContract.LEE;
import static dev.aragent.agent.spi.ApprovalBookContract.NOW;
import static dev.aragent.agent.spi.ApprovalBookContract.approved;
import static dev.aragent.agent.spi.ApprovalBookContract.decided;
import static dev.aragent.agent.spi.ApprovalBookContract.edited;
import static dev.aragent.agent.spi.ApprovalBookContract.rejected;
import static dev.aragent.agent.spi.ApprovalBookContract.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aragent.agent.approval.Approval;
import dev.aragent.agent.approval.ApprovalCard;
import dev.aragent.agent.drafting.Channel;
import dev.aragent.agent.ledger.Money;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ApprovalGateway} adapter must do, seen from the staff channel: a card goes there with a button per
 * verdict and says where it went, an update edits that message and a decided card shows who decided how and when, with
 * no buttons left; a notice is its text. What a debtor wrote reaches staff as text, never as a mention or a link. Each
 * test starts with an empty channel in a workspace that is up and takes the gateway's credentials.
 */
public interface ApprovalGatewayContract {
    ApprovalGateway gateway();

    /**
     * A message in the staff channel as a person reads it: its text with the channel's markup escapes undone (what was
     * written, as written), the buttons it offers, what the channel turns into a mention or a link (an
     * {@code @channel}, a link with a label of its own), and how many times it was edited.
     */
    record Shown(StaffFeed.Posted where, String text, List<String> buttons, List<String> mentionsAndLinks, int edits) {}

    /** The staff channel's messages, oldest first. */
    List<Shown> channelShows();

    /** The staff channel the gateway is set to post in, as the workspace names it in {@link StaffFeed.Posted}. */
    String staffChannel();

    /** From now on the workspace cannot be reached (an outage, the network down). */
    void workspaceUnreachable();

    /** From now on the workspace refuses the gateway's credentials (a revoked or mistyped token). */
    void credentialsRefused();

    List<String> BUTTONS = List.of("Approve", "Edit", "Reject");

    /** What a debtor might write to reach AR staff in more ways than reading: a ping, a disguised link, a mention. */
    String SNEAKY =
            "Smith & Sons will pay <!channel> at <https://evil.example/pay|northwind.example/pay>, ask <@U0BOSS>";

    /** {@code a} as the relay shows it: the balance open now, a risk, the reply on approval, until when to decide. */
    static ApprovalCard card(Approval a) {
        return new ApprovalCard(
                a,
                Money.of(425_000, "USD"),
                Optional.of(0.42),
                List.of("61-90 days past due", "one broken promise"),
                Optional.of("Thank you: three payments of $900.00 are agreed."),
                a.deadline(Duration.ofHours(48)),
                Optional.empty(),
                "a manager may approve up to 10% off and 3 installments",
                Optional.empty());
    }

    /** {@code a} with what the debtor wrote replaced: their last message, and their words up to the request. */
    static Approval saying(Approval a, String lastMessage, List<String> words) {
        return Approvals.with(a).saying(lastMessage, words).build();
    }

    @Test
    default void aCardShouldGoToTheStaffChannelWithItsButtonsAndSayWhereItWent() {
        Approval a = requested(Channel.SMS, NOW);

        StaffFeed.Posted where = gateway().post(card(a));

        assertThat(where.channel()).isEqualTo(staffChannel());
        assertThat(where.ts()).isNotBlank();
        assertThat(channelShows()).singleElement().satisfies(shown -> {
            assertThat(shown.where()).isEqualTo(where);
            assertThat(shown.text())
                    .contains(a.customerName())
                    .contains("$4,250.00")
                    .contains(a.proposed().describe())
                    .contains(a.reasons())
                    .contains(a.debtorWords());
            assertThat(shown.buttons()).isEqualTo(BUTTONS);
            assertThat(shown.mentionsAndLinks()).isEmpty();
            assertThat(shown.edits()).isZero();
        });
    }

    @Test
    default void eachCardShouldBeAMessageOfItsOwn() {
        Approval first = requested(Channel.SMS, NOW);
        Approval second = requested(Channel.EMAIL, NOW.plusSeconds(60));

        StaffFeed.Posted one = gateway().post(card(first));
        StaffFeed.Posted two = gateway().post(card(second));

        assertThat(one).isNotEqualTo(two);
        assertThat(channelShows()).extracting(Shown::where).containsExactly(one, two);
    }

    @Test
    default void anUpdateShouldEditTheCardWhereItWasPostedAndPostNothingNew() {
        Approval a = requested(Channel.SMS, NOW);
        Approval other = requested(Channel.EMAIL, NOW.plusSeconds(60));
        StaffFeed.Posted where = gateway().post(card(a));
        StaffFeed.Posted untouched = gateway().post(card(other));

        gateway().update(where, card(decided(a, approved(a, DANA, NOW.plus(Duration.ofHours(2))))));

        assertThat(channelShows())
                .extracting(Shown::where, Shown::edits)
                .containsExactly(tuple(where, 1), tuple(untouched, 0));
        assertThat(channelShows().get(1).buttons()).isEqualTo(BUTTONS);
    }

    @Test
    default void aDecidedCardShouldShowWhoDecidedHowAndWhenAndOfferNoButtons() {
        Approval asIs = requested(Channel.SMS, NOW);
        Approval changed = requested(Channel.EMAIL, NOW.plusSeconds(60));
        Approval refused = requested(Channel.EMAIL, NOW.plusSeconds(120));
        Approval.Resolution yes = approved(asIs, DANA, NOW.plus(Duration.ofHours(2)));
        Approval.Resolution edit = edited(changed, LEE, NOW.plus(Duration.ofHours(3)));
        Approval.Resolution no = rejected(refused, LEE, NOW.plus(Duration.ofHours(4)), "the account is on credit hold");
        StaffFeed.Posted asIsCard = gateway().post(card(asIs));
        StaffFeed.Posted changedCard = gateway().post(card(changed));
        StaffFeed.Posted refusedCard = gateway().post(card(refused));

        gateway().update(asIsCard, card(decided(asIs, yes)));
        gateway().update(changedCard, card(decided(changed, edit)));
        gateway().update(refusedCard, card(decided(refused, no)));

        List<Shown> shown = channelShows();
        assertThat(shown).hasSize(3).allSatisfy(s -> {
            assertThat(s.buttons()).as("nothing left to decide").isEmpty();
            assertThat(s.edits()).isEqualTo(1);
        });
        assertThat(shown.get(0).text())
                .containsIgnoringCase("approved by " + DANA)
                .contains(yes.at().toString())
                .contains(asIs.customerName());
        assertThat(shown.get(1).text())
                .containsIgnoringCase("edited by " + LEE)
                .contains(edit.at().toString())
                .contains(EDITED.describe());
        assertThat(shown.get(2).text())
                .containsIgnoringCase("rejected by " + LEE)
                .contains(no.at().toString())
                .contains("the account is on credit hold");
    }

    @Test
    default void aNoticeShouldBePostedToTheStaffChannelAsItsText() {
        String text = "Dispute opened by C-7 on INV-1042 ($1,250.00): we were quoted a lower rate.";

        gateway().notify(text);

        assertThat(channelShows()).singleElement().satisfies(shown -> {
            assertThat(shown.where().channel()).isEqualTo(staffChannel());
            assertThat(shown.text()).isEqualTo(text);
            assertThat(shown.buttons()).isEmpty();
            assertThat(shown.edits()).isZero();
        });
    }

    @Test
    default void whatADebtorWroteShouldReachACardAsTextNeverAsAMentionOrALink() {
        Approval words = saying(requested(Channel.SMS, NOW), SNEAKY, List.of("2026-11-19 (sms): " + SNEAKY));
        Approval lastMessageOnly = saying(requested(Channel.EMAIL, NOW.plusSeconds(60)), SNEAKY, List.of());

        StaffFeed.Posted first = gateway().post(card(words));
        gateway().post(card(lastMessageOnly));
        gateway().update(first, card(decided(words, approved(words, DANA, NOW.plus(Duration.ofHours(1))))));

        assertThat(channelShows()).hasSize(2).allSatisfy(shown -> {
            assertThat(shown.text()).contains(SNEAKY);
            assertThat(shown.mentionsAndLinks()).isEmpty();
        });
    }

    @Test
    default void aCustomerNamedLikeAMentionOrALinkShouldReachTheCardAndItsNotificationAsText() {
        Approval a = requested(Channel.EMAIL, NOW);
        Approval named = Approvals.with(a).customerName(SNEAKY).build();

        gateway().post(card(named));

        assertThat(channelShows()).singleElement().satisfies(shown -> {
            assertThat(shown.text()).contains(SNEAKY);
            assertThat(shown.mentionsAndLinks()).isEmpty();
        });
    }

    @Test
    default void aNoticeQuotingADebtorShouldBeTextNeverAMentionOrALink() {
        String text = "Dispute opened by C-7 on INV-1042 ($1,250.00): " + SNEAKY;

        gateway().notify(text);

        assertThat(channelShows()).singleElement().satisfies(shown -> {
            assertThat(shown.text()).isEqualTo(text);
            assertThat(shown.mentionsAndLinks()).isEmpty();
        });
    }

    @Test
    default void whileTheWorkspaceCannotBeReachedEveryCallShouldBeATransientFailureAndShowNothing() {
        Approval a = requested(Channel.SMS, NOW);
        StaffFeed.Posted where = gateway().post(card(a));
        workspaceUnreachable();

        assertThatThrownBy(() -> gateway().post(card(requested(Channel.EMAIL, NOW.plusSeconds(60)))))
                .isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() ->
                        gateway().update(where, card(decided(a, approved(a, DANA, NOW.plus(Duration.ofHours(1)))))))
                .isInstanceOf(TransientFailure.class);
        assertThatThrownBy(() -> gateway().notify("Dispute opened by C-7 on INV-1042."))
                .isInstanceOf(TransientFailure.class);

        assertThat(channelShows()).singleElement().satisfies(shown -> {
            assertThat(shown.where()).isEqualTo(where);
            assertThat(shown.edits()).isZero();
            assertThat(shown.buttons()).isEqualTo(BUTTONS);
        });
    }

    @Test
    default void refusedCredentialsShouldMakeEveryCallAPermanentFailureAndShowNothing() {
        Approval a = requested(Channel.SMS, NOW);
        StaffFeed.Posted where = gateway().post(card(a));
        credentialsRefused();

        assertThatThrownBy(() -> gateway().post(card(requested(Channel.EMAIL, NOW.plusSeconds(60)))))
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> gateway()
                        .update(where, card(decided(a, rejected(a, LEE, NOW.plus(Duration.ofHours(1)), "no")))))
                .isInstanceOf(PermanentFailure.class);
        assertThatThrownBy(() -> gateway().notify("Dispute opened by C-7 on INV-1042."))
                .isInstanceOf(PermanentFailure.class);

        assertThat(channelShows()).singleElement().satisfies(shown -> {
            assertThat(shown.where()).isEqualTo(where);
            assertThat(shown.edits()).isZero();
        });
    }
}
