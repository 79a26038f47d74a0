-- departures: one row per person leaving an organisation (resignation, dismissal or departure),
-- merged across every article that reports it.
-- Read from merged_events: the rows of events_merged, stored as the reports are written.
select
    subject as person,
    organization,
    kind,
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
where event_type = 'departure'
