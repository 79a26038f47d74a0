-- hirings: one row per person joining (hiring) or going back to (return) an organisation.
select
    subject as person,
    organization,
    event_type,
    role,
    date,
    event_date,
    date_precision,
    article_count,
    first_reported,
    last_reported,
    event_key
from events_merged
where event_type in ('hiring', 'return')
