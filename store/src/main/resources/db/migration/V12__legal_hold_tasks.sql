-- A legal threat or an attorney puts the account on legal hold: a person gets the task of handling it.
alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check
    check (kind in ('find_contact', 'review_triage', 'billing_dispute', 'verify_payment', 'crm_contact_update',
                    'call_debtor', 'send_invoice_copy', 'answer_question', 'change_channel', 'human_review',
                    'apply_credit_memo', 'legal_hold'));
