-- dissolutions: one row per team an organisation dissolved, merged across articles.
select
    subject as team,
    organization,
    date,
    event_date,
    date_precision,
    article_count,
    first_reported,
    last_reported,
    event_key
from events_merged
where event_type = 'dissolution'
