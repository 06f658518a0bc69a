-- One-time codes (TOTP, RFC 6238): a person's authenticator secret and the last step a code was used for (a code works
-- once); a tenant may require a code from everyone whose role approves.
alter table people add column totp_secret text;
alter table people add column totp_last_step bigint;
alter table tenants add column totp_for_approvers boolean not null default false;
