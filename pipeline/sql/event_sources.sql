-- event_sources: every sentence that reports an event, with its article, one row per report;
-- event_key links it to the merged row in events_merged, departures, dissolutions and hirings.
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
    articles.title as article_title,
    articles.url as article_url,
    articles.source as article_source,
    articles.lang as article_lang,
    articles.published_on,
    episodes.rule_id as rule,
    episodes.extractor_version,
    episodes.run_id,
    episodes.evidence_id
from episodes
inner join entities as subjects on subjects.id = episodes.subject_id
left join entities as organizations on organizations.id = episodes.organization_id
inner join articles on articles.id = episodes.article_id
