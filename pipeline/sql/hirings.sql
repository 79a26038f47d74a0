-- hirings: one row per person joining (hiring) or going back to (return) an organisation.
-- Read from merged_events: the rows of events_merged, stored as the reports are written.
select
    subject as person,
    organization,
    event_type,
    role,
    date,
    cast(substr(date, 1, 4) as integer) as year,
    event_date,
    date_precision,
    article_count,
    first_reported,
    last_reported,
    event_key
from merged_events
where event_type in ('hiring', 'return')
