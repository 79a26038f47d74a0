-- careers: one row per person per move (left, joined, returned to an organisation), numbered
-- in date order, with the evidence key of each.
with left_jobs as (
    select
        person,
        'departure' as event_type,
        organization,
        kind,
        role,
        date,
        event_date,
        date_precision,
        article_count,
        first_reported,
        event_key
    from departures
),

joined_jobs as (
    select
        person,
        event_type,
        organization,
        cast(null as varchar(16)) as kind,
        role,
        date,
        event_date,
        date_precision,
        article_count,
        first_reported,
        event_key
    from hirings
),

moves as (
    select * from left_jobs
    union all
    select * from joined_jobs
),

numbered as (
    -- by month (an undated move at the month it was first reported; unknown ones last);
    -- within a month, leaving comes before joining
    select
        moves.*,
        row_number() over (
            partition by person
            order by
                case when coalesce(event_date, first_reported) is null then 1 else 0 end,
                substr(coalesce(date, cast(first_reported as varchar(10))), 1, 7),
                case event_type when 'departure' then 0 else 1 end,
                coalesce(event_date, first_reported),
                event_key
        ) as step
    from moves
)

select
    person,
    step,
    case event_type
        when 'departure' then 'left'
        when 'hiring' then 'joined'
        else 'returned to'
    end as move,
    organization,
    kind,
    role,
    date,
    event_date,
    date_precision,
    article_count,
    event_type,
    event_key
from numbered
order by person, step
