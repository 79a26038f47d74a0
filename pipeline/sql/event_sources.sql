-- event_sources: every sentence that reports an event, with its article, one row per report;
-- event_key links it to the merged row in events_merged, departures, dissolutions and hirings.
-- The article's title, url, source and date are those of its latest receipt that gives each
-- (a correction appended to article_sources wins); with no date from any source, the date a
-- dateline in the text gives (article_extractions.published_in_text).
with evidence as (
    select
        events.id as evidence_id,
        events.event_type,
        events.subject_id,
        events.organization_id,
        coalesce(events.organization_id, 0) as organization_key,
        events.kind,
        events.role,
        events.focus,
        events.event_date,
        events.date_precision,
        events.date_text,
        substr(
            cast(events.event_date as varchar(10)),
            1,
            case events.date_precision when 'year' then 4 when 'month' then 7 else 10 end
        ) as date_label,
        events.sentence,
        events.sentence_start,
        events.sentence_end,
        events.article_id,
        events.run_id,
        events.extractor_version,
        events.rule_id
    from events
),

dated_years as (
    -- the latest year the reports of one (type, subject, organisation) give
    select
        event_type,
        subject_id,
        organization_key,
        max(substr(date_label, 1, 4)) as latest_year
    from evidence
    where date_label is not null
    group by event_type, subject_id, organization_key
),

episodes as (
    -- reports of the same subject and organisation in the same year are one event;
    -- an undated report joins the latest dated one (it is usually about the news at hand)
    select
        evidence.*,
        coalesce(
            substr(evidence.date_label, 1, 4), dated_years.latest_year, 'undated'
        ) as episode
    from evidence
    left join dated_years
        on dated_years.event_type = evidence.event_type
        and dated_years.subject_id = evidence.subject_id
        and dated_years.organization_key = evidence.organization_key
)

select
    episodes.event_type || ':' || cast(episodes.subject_id as varchar(20)) || ':'
    || cast(episodes.organization_key as varchar(20)) || ':' || episodes.episode as event_key,
    episodes.event_type,
    subjects.name as subject,
    subjects.kind as subject_kind,
    organizations.name as organization,
    episodes.kind,
    episodes.role,
    episodes.focus,
    episodes.date_label as date,
    episodes.event_date,
    episodes.date_precision,
    episodes.date_text,
    episodes.sentence,
    episodes.sentence_start,
    episodes.sentence_end,
    articles.id as article_id,
    (
        select s.title from article_sources as s
        where s.article_id = articles.id and s.title is not null
        order by s.id desc limit 1
    ) as article_title,
    (
        select s.url from article_sources as s
        where s.article_id = articles.id and s.url is not null
        order by s.id desc limit 1
    ) as article_url,
    coalesce(
        (
            select s.source from article_sources as s
            where s.article_id = articles.id
            order by s.id desc limit 1
        ),
        articles.source
    ) as article_source,
    articles.lang as article_lang,
    coalesce(
        (
            select s.published_on from article_sources as s
            where s.article_id = articles.id and s.published_on is not null
            order by s.id desc limit 1
        ),
        extracted.published_in_text
    ) as published_on,
    coalesce(
        (
            select s.published_precision from article_sources as s
            where s.article_id = articles.id and s.published_on is not null
            order by s.id desc limit 1
        ),
        case when extracted.published_in_text is not null then 'day' end
    ) as published_precision,
    episodes.rule_id as rule,
    episodes.extractor_version,
    episodes.run_id,
    episodes.evidence_id
from episodes
inner join entities as subjects on subjects.id = episodes.subject_id
left join entities as organizations on organizations.id = episodes.organization_id
inner join articles on articles.id = episodes.article_id
left join article_extractions as extracted on extracted.article_id = episodes.article_id
