-- departures: one row per person leaving an organisation (resignation, dismissal or departure),
-- merged across every article that reports it.
select
    subject as person,
    organization,
    kind,
    role,
    date,
    event_date,
    date_precision,
    article_count,
    first_reported,
    last_reported,
    event_key
from events_merged
where event_type = 'departure'
