-- A debtor asking for our bank details or a tax form becomes a task to send them (Effect.TaskKind.SEND_PAYMENT_DETAILS):
-- the kind was missing from the constraint, so the turn that asked for it could not be written.
alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check
    check (kind in ('find_contact', 'review_triage', 'billing_dispute', 'verify_payment', 'crm_contact_update',
                    'call_debtor', 'send_invoice_copy', 'send_payment_details', 'answer_question', 'change_channel',
                    'human_review', 'apply_credit_memo', 'legal_hold', 'logged_call'));
