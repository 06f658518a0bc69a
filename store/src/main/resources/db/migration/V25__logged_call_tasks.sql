-- A person logs a call or an outcome on an account outside any task: kept as a task of its own kind, closed at once.
alter table tasks drop constraint tasks_kind_check;
alter table tasks add constraint tasks_kind_check
    check (kind in ('find_contact', 'review_triage', 'billing_dispute', 'verify_payment', 'crm_contact_update',
                    'call_debtor', 'send_invoice_copy', 'answer_question', 'change_channel', 'human_review',
                    'apply_credit_memo', 'legal_hold', 'logged_call'));
