-- The number a call was placed to: a call that reaches the wrong person stops calls and texts to that number.
alter table calls add column to_number text;
