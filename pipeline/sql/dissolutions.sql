-- dissolutions: one row per team an organisation dissolved, merged across articles, with what
-- the team worked on (focus).
-- Read from merged_events: the rows of events_merged, stored as the reports are written.
select
    subject as team,
    organization,
    focus,
    date,
    cast(substr(date, 1, 4) as integer) as year,
    event_date,
    date_precision,
    article_count,
    first_reported,
    last_reported,
    event_key
from merged_events
where event_type = 'dissolution'
