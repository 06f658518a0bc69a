-- An import of the invoices issued since the last export (ImportKind.INVOICES): an aging's rows that close nothing.
alter table imports drop constraint imports_kind_check;
alter table imports add constraint imports_kind_check
    check (kind in ('customers', 'aging', 'history', 'payments', 'notes', 'invoices'));
