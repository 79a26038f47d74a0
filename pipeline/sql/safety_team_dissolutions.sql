-- safety_team_dissolutions: the dissolutions of teams that worked on AI safety, ethics,
-- alignment or policy: "which AI-safety teams were dissolved?" in one select.
with all_dissolutions as (
    select * from dissolutions
)

select
    team,
    organization,
    focus,
    date,
    year,
    event_date,
    date_precision,
    article_count,
    first_reported,
    last_reported,
    event_key
from all_dissolutions
where focus in ('safety', 'ethics', 'alignment', 'policy')
