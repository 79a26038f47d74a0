-- events_merged: one row per real-world event, merging the reports of every article:
-- the best-supported kind, the most precise date the reports agree on, and report counts.
with sources as (
    select * from event_sources
),

kind_votes as (
    -- a specific kind (dismissal, resignation) beats the generic "departure";
    -- then the kind more articles give; a tie goes to dismissal
    select
        event_key,
        kind,
        row_number() over (
            partition by event_key
            order by
                case when kind is null or kind = 'departure' then 1 else 0 end,
                count(distinct article_id) desc,
                case kind when 'dismissal' then 0 when 'resignation' then 1 else 2 end
        ) as kind_rank
    from sources
    group by event_key, kind
),

dated_reports as (
    select distinct event_key, date, event_date, date_precision, article_id
    from sources
    where date is not null
),

date_votes as (
    -- a date is supported by every report it agrees with ("2024-05" agrees with "2024");
    -- the best-supported date wins, then the most precise, then the earliest
    select
        candidate.event_key,
        candidate.date,
        candidate.event_date,
        candidate.date_precision,
        row_number() over (
            partition by candidate.event_key
            order by
                count(distinct other.article_id) desc,
                length(candidate.date) desc,
                candidate.date
        ) as date_rank
    from dated_reports as candidate
    inner join dated_reports as other
        on other.event_key = candidate.event_key
        and (candidate.date like other.date || '%' or other.date like candidate.date || '%')
    group by candidate.event_key, candidate.date, candidate.event_date, candidate.date_precision
),

focus_votes as (
    -- what a dissolved team worked on: the focus more articles give, a specific one before
    -- "other"; a tie goes to the focus the lexicon puts first
    select
        event_key,
        focus,
        row_number() over (
            partition by event_key
            order by
                case when focus = 'other' then 1 else 0 end,
                count(distinct article_id) desc,
                case focus
                    when 'alignment' then 0
                    when 'safety' then 1
                    when 'ethics' then 2
                    when 'policy' then 3
                    when 'product' then 4
                    when 'research' then 5
                    else 6
                end
        ) as focus_rank
    from sources
    where focus is not null
    group by event_key, focus
),

role_votes as (
    select
        event_key,
        role,
        row_number() over (partition by event_key order by count(*) desc, role) as role_rank
    from sources
    where role is not null
    group by event_key, role
),

reports as (
    select
        event_key,
        event_type,
        min(subject) as subject,
        min(organization) as organization,
        count(distinct article_id) as article_count,
        count(*) as evidence_count,
        min(published_on) as first_reported,
        max(published_on) as last_reported
    from sources
    group by event_key, event_type
)

select
    reports.event_key,
    reports.event_type,
    reports.subject,
    reports.organization,
    kind_votes.kind,
    role_votes.role,
    focus_votes.focus,
    date_votes.date,
    date_votes.event_date,
    date_votes.date_precision,
    reports.article_count,
    reports.evidence_count,
    reports.first_reported,
    reports.last_reported
from reports
left join kind_votes
    on kind_votes.event_key = reports.event_key and kind_votes.kind_rank = 1
left join date_votes
    on date_votes.event_key = reports.event_key and date_votes.date_rank = 1
left join role_votes
    on role_votes.event_key = reports.event_key and role_votes.role_rank = 1
left join focus_votes
    on focus_votes.event_key = reports.event_key and focus_votes.focus_rank = 1
