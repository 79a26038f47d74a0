-- departures_by_lab: departures per organisation and year, split by kind.
select
    organization,
    cast(substr(date, 1, 4) as integer) as year,
    count(*) as departures,
    sum(case when kind = 'resignation' then 1 else 0 end) as resignations,
    sum(case when kind = 'dismissal' then 1 else 0 end) as dismissals,
    sum(case when kind = 'departure' then 1 else 0 end) as other_departures,
    sum(article_count) as article_count
from departures
group by organization, cast(substr(date, 1, 4) as integer)
