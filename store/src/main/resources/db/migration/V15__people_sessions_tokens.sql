-- People who sign in, their roles per tenant, browser sessions and API tokens (ADR 0023).
-- A person is the one row without a tenant: one person may belong to several tenants, each membership with its own
-- role; every other table leads its keys with tenant_id.
-- Credentials are stored only as hashes: Argon2id for passwords, SHA-256 for the 256-bit random session and token
-- secrets.

create table people (
    person_id      uuid primary key,
    login          text not null unique check (login = lower(login) and length(login) <= 254),
    name           text not null check (length(name) between 1 and 200),
    password_hash  text,
    disabled       boolean not null default false,
    failures       int not null default 0 check (failures >= 0),
    locked_until   timestamptz,
    created_at     timestamptz not null
);

create table memberships (
    tenant_id      text not null references tenants,
    person_id      uuid not null references people,
    role           text not null check (role in ('viewer', 'collector', 'ar_manager', 'controller', 'admin')),
    slack_user     text,
    granted_at     timestamptz not null,
    primary key (tenant_id, person_id)
);

create unique index memberships_slack on memberships (tenant_id, slack_user) where slack_user is not null;
create index memberships_person on memberships (person_id);

create table sessions (
    tenant_id      text not null references tenants,
    session_hash   text not null,
    person_id      uuid not null references people,
    csrf           text not null,
    created_at     timestamptz not null,
    last_seen_at   timestamptz not null,
    ends_at        timestamptz not null,
    primary key (tenant_id, session_hash)
);

create unique index sessions_hash on sessions (session_hash);
create index sessions_person on sessions (person_id);

create table api_tokens (
    tenant_id      text not null references tenants,
    token_id       uuid not null,
    person_id      uuid not null references people,
    name           text not null check (length(name) between 1 and 100),
    secret_hash    text not null unique,
    scopes         text[] not null check (cardinality(scopes) > 0),
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,
    last_used_at   timestamptz,
    primary key (tenant_id, token_id)
);
