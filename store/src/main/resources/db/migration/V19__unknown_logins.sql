-- Sign-in attempts at logins that are nobody's, counted and locked out as a person's are (people.failures,
-- people.locked_until), so that a lockout does not tell whether an account exists. Not a tenant's: a login is global.
create table unknown_logins (
    login        text primary key,
    failures     integer not null default 0,
    locked_until timestamptz,
    last_at      timestamptz not null
);
create index unknown_logins_idle on unknown_logins (last_at);
