-- people_moves: who left each organisation and where they went next, when an article says so.
select
    departures.person,
    departures.organization as left_organization,
    departures.kind as departure_kind,
    departures.date as left_date,
    hirings.organization as joined_organization,
    hirings.event_type as joined_as,
    hirings.date as joined_date
from departures
left join hirings
    on hirings.person = departures.person
    and hirings.organization <> departures.organization
    and (hirings.date is null or departures.date is null or hirings.date >= departures.date)
