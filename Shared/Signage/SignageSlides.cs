using System.Globalization;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Wording;
using NodaTime;

namespace MppSignage.Shared.Signage;

/// <summary>
/// Builds the slide models from what the renderer knows (the retained status, the schedule, the
/// announcements, the configuration) at an instant. Pure: the same inputs give the same words. It never
/// decides open or closed; it only puts the controller's status into words.
/// </summary>
public sealed class SignageSlides
{
    /// <summary>How close (before closing or opening) the countdown replaces the plain time.</summary>
    public static readonly Duration CountdownWindow = Duration.FromHours(1);

    private readonly Phrasebook _id;
    private readonly Phrasebook _en;

    /// <summary>Creates a builder for a site in <paramref name="zone"/>.</summary>
    public SignageSlides(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        _id = Phrasebook.Indonesian(zone);
        _en = Phrasebook.English(zone);
    }

    /// <summary>The site zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The status slide for <paramref name="status"/> (null: none received yet) at <paramref name="now"/>.</summary>
    public StatusSlideModel Status(StatusMessage? status, Instant now)
    {
        if (status is null)
        {
            return new StatusSlideModel(
                StatusTone.Unknown,
                Upper(_id.StateWord(OpeningHours.OpeningState.Unknown), _en.StateWord(OpeningHours.OpeningState.Unknown)),
                SignageWords.WaitingForStatus,
                EquatableList<LocalizedText>.Empty,
                null);
        }

        var open = string.Equals(status.State, "open", StringComparison.Ordinal);
        var tone = !open ? StatusTone.Closed
            : string.Equals(status.Phase, "closing-soon", StringComparison.Ordinal) ? StatusTone.ClosingSoon
            : StatusTone.Open;
        var headline = open
            ? Upper(_id.StateWord(OpeningHours.OpeningState.Open), _en.StateWord(OpeningHours.OpeningState.Open))
            : Upper(_id.StateWord(OpeningHours.OpeningState.Closed), _en.StateWord(OpeningHours.OpeningState.Closed));

        LocalizedText? notice = status.Reason switch
        {
            "clock-unsynchronised" => SignageWords.ClockUnsynchronised,
            "schedule-unavailable" => SignageWords.ScheduleUnavailable,
            _ => !status.ClockSynced ? SignageWords.ClockUnsynchronised : null,
        };
        if (notice is not null)
        {
            tone = StatusTone.Unknown;
        }

        LocalizedText? primary = null;
        var closesAt = ParseInstant(status.ClosesAt);
        var opensAt = ParseInstant(status.OpensAt);
        if (open && closesAt is { } c)
        {
            primary = c - now <= CountdownWindow
                ? new LocalizedText(_id.ClosesCountdown(now, c), _en.ClosesCountdown(now, c))
                : new LocalizedText(Until(_id, SignageWords.OpenUntil.Id, c, now), Until(_en, SignageWords.OpenUntil.En!, c, now));
        }
        else if (!open && opensAt is { } o)
        {
            primary = o - now <= CountdownWindow && o > now
                ? new LocalizedText(_id.OpensCountdown(now, o), _en.OpensCountdown(now, o))
                : new LocalizedText(_id.OpensAgain(o, now), _en.OpensAgain(o, now));
        }

        var details = new List<LocalizedText>();
        var name = !string.IsNullOrWhiteSpace(status.Name) ? status.Name : status.Comment;
        if (!string.IsNullOrWhiteSpace(name))
        {
            // Names are Indonesian proper names; the English line says what kind of day it is.
            var en = status.Reason switch
            {
                "holiday" => SignageWords.PublicHolidayEn,
                "special" => SignageWords.SpecialHoursEn,
                "closure" => SignageWords.ClosureEn,
                _ => null,
            };
            details.Add(new LocalizedText(name.Trim(), en));
        }

        if (string.Equals(status.Mode, "override", StringComparison.Ordinal))
        {
            var reason = status.Override?.Reason;
            details.Add(string.IsNullOrWhiteSpace(reason)
                ? SignageWords.SetByStaff
                : new LocalizedText($"{SignageWords.SetByStaff.Id}: {reason.Trim()}", $"{SignageWords.SetByStaff.En}: {reason.Trim()}"));
        }

        var today = TodaySpans(status.TodayHours);
        if (today is { Count: > 0 })
        {
            var date = now.InZone(Zone).Date;
            details.Add(new LocalizedText(
                $"{SignageWords.Today.Id} {_id.HoursText(today, date)}",
                $"{SignageWords.Today.En} {_en.HoursText(today, date)}"));
        }

        return new StatusSlideModel(tone, headline, primary, details, notice);
    }

    /// <summary>
    /// The hours slide: the regular week in force at <paramref name="now"/>, the next closing holidays and
    /// closures within <paramref name="lookAheadDays"/> days (at most <paramref name="maxHolidays"/> lines),
    /// and the decree reference.
    /// </summary>
    public HoursSlideModel Hours(Schedule.Schedule schedule, Instant now, int lookAheadDays = 90, int maxHolidays = 4)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var today = now.InZone(schedule.Zone).Date;
        var week = schedule.RegularWeek(today).Select(d => d.ToDayHours()).ToList();
        var idLines = _id.WeekSummary(week);
        var enLines = _en.WeekSummary(week);
        var weekLines = idLines.Select((line, i) => new LocalizedText(line, i < enLines.Count ? enLines[i] : null)).ToList();

        // Upcoming closed days, consecutive days of one name merged into one line.
        var closed = new List<(LocalDate From, LocalDate To, string Name)>();
        for (var i = 0; i <= lookAheadDays && closed.Count <= maxHolidays; i++)
        {
            var date = today.PlusDays(i);
            var name = schedule.ClosureAt(date) is { Expression: null } closure ? closure.Reason
                : schedule.ClosingHolidayAt(date)?.Name;
            if (name is null)
            {
                continue;
            }

            if (closed.Count > 0 && closed[^1].Name == name && closed[^1].To.PlusDays(1) == date)
            {
                closed[^1] = (closed[^1].From, date, name);
            }
            else
            {
                closed.Add((date, date, name));
            }
        }

        var holidays = closed.Take(maxHolidays)
            .Select(h => new LocalizedText($"{DateRange(_id, h.From, h.To)} · {h.Name}", DateRange(_en, h.From, h.To)))
            .ToList();
        var source = schedule.VersionAt(today)?.Source;
        return new HoursSlideModel(
            SignageWords.HoursTitle,
            weekLines,
            holidays.Count > 0 ? SignageWords.HolidaysTitle : null,
            holidays,
            string.IsNullOrWhiteSpace(source) ? null : $"{SignageWords.SourcePrefix.Id}: {source}");
    }

    /// <summary>The QR slide for the configured WhatsApp number and review link (either may be missing); null when both are.</summary>
    public static QrSlideModel? Qr(string? whatsAppNumber, string? reviewUrl)
    {
        var items = new List<QrItem>();
        if (WhatsAppUrl(whatsAppNumber) is { } wa)
        {
            var shown = DisplayNumber(whatsAppNumber!);
            items.Add(new QrItem(wa, SignageWords.WhatsAppLabel, new LocalizedText($"{SignageWords.WhatsAppCaption.Id} {shown}", SignageWords.WhatsAppCaption.En)));
        }

        if (!string.IsNullOrWhiteSpace(reviewUrl))
        {
            items.Add(new QrItem(reviewUrl.Trim(), SignageWords.ReviewLabel, SignageWords.ReviewCaption));
        }

        return items.Count == 0 ? null : new QrSlideModel(SignageWords.QrTitle, items);
    }

    /// <summary>
    /// The slide of an announcement: page <paramref name="page"/> (0-based) of a services directory cut into
    /// pages of <paramref name="perPage"/> entries (<see cref="ServicesPaging"/>), a poster for kind image,
    /// otherwise a text/QR slide.
    /// </summary>
    public static SlideModel Announcement(Announcement announcement, int page = 0, int perPage = AnnouncementLimits.MaxServicesPerPage)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        if (announcement.Kind == AnnouncementKind.Services)
        {
            var pages = ServicesPaging.PageCount(announcement, perPage);
            // Kinds other than image always have a title (AnnouncementJson requires it).
            return new ServicesSlideModel(announcement.Title!, new EquatableList<ServiceEntry>(ServicesPaging.Page(announcement, page, perPage)), SignageWords.Services, SignageWords.Requirements)
            {
                Page = Math.Clamp(page, 0, pages - 1) + 1,
                PageCount = pages,
            };
        }

        var emergency = announcement.Priority == AnnouncementPriority.Emergency;
        var qr = announcement.Qr is { } target ? new QrItem(target.Url, null, target.Caption) : null;
        if (announcement.Kind == AnnouncementKind.Image && announcement.Image is { } image)
        {
            return new PosterSlideModel(image, announcement.Title, announcement.Body, qr, emergency);
        }

        return new AnnouncementSlideModel(
            emergency ? SignageWords.EmergencyAnnouncement : SignageWords.Announcement,
            announcement.Title ?? SignageWords.Announcement,
            announcement.Body,
            qr,
            emergency);
    }

    /// <summary>The footer: date and time, and the stale badge when the data may be out of date since <paramref name="staleSince"/>.</summary>
    public FooterModel Footer(Instant now, Instant? staleSince, string? siteName = null)
    {
        LocalizedText? warning = null;
        if (staleSince is { } since)
        {
            var sameDay = since.InZone(Zone).Date == now.InZone(Zone).Date;
            var idWhen = sameDay ? _id.Time(since.InZone(Zone).TimeOfDay) : _id.Date(since.InZone(Zone).Date) + " " + _id.Time(since.InZone(Zone).TimeOfDay);
            var enWhen = sameDay ? _en.Time(since.InZone(Zone).TimeOfDay) : _en.Date(since.InZone(Zone).Date) + " " + _en.Time(since.InZone(Zone).TimeOfDay);
            warning = new LocalizedText(
                $"{SignageWords.MaybeOutdated.Id} ({SignageWords.Since.Id} {idWhen})",
                $"{SignageWords.MaybeOutdated.En} ({SignageWords.Since.En} {enWhen})");
        }

        return new FooterModel(_id.DateTime(now), siteName, warning);
    }

    /// <summary><c>https://wa.me/&lt;digits&gt;</c> for a number such as <c>+62 812-3456-7890</c> or <c>0812…</c>; null when it has no digits.</summary>
    public static string? WhatsAppUrl(string? number)
    {
        var digits = Digits(number);
        if (digits.Length == 0)
        {
            return null;
        }

        // wa.me wants the international form without '+': a national 0812… becomes 62812….
        if (digits.StartsWith('0'))
        {
            digits = "62" + digits[1..];
        }

        return $"https://wa.me/{digits}";
    }

    /// <summary>Parses a wire instant (ISO 8601 with offset); null when absent or malformed.</summary>
    public static Instant? ParseInstant(string? text) => IsoTime.Parse(text);

    /// <summary>Parses the status's <c>todayHours</c> (<c>08:00-14:00</c>, <c>13:00-24:00</c>); malformed entries are skipped.</summary>
    public static IReadOnlyList<DailySpan>? TodaySpans(IReadOnlyList<string>? hours)
    {
        if (hours is null)
        {
            return null;
        }

        var spans = new List<DailySpan>();
        foreach (var h in hours)
        {
            var parts = h.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && Minute(parts[0]) is { } a && Minute(parts[1]) is { } b)
            {
                var span = new DailySpan(a, b);
                if (span.IsValid)
                {
                    spans.Add(span);
                }
            }
        }

        return spans;
    }

    private static int? Minute(string hhmm)
    {
        var p = hhmm.Split(':');
        return p.Length == 2
            && int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && h is >= 0 and <= 24 && m is >= 0 and < 60 && (h < 24 || m == 0)
            ? (h * 60) + m
            : null;
    }

    private string Until(Phrasebook words, string prefix, Instant closesAt, Instant now)
    {
        var local = closesAt.InZone(Zone);
        var sameDay = local.Date == now.InZone(Zone).Date;
        return sameDay
            ? $"{prefix} {words.TimeWithZone(closesAt)}"
            : $"{prefix} {words.Date(local.Date)} {words.TimeWithZone(closesAt)}";
    }

    private static string DateRange(Phrasebook words, LocalDate from, LocalDate to)
    {
        if (from == to)
        {
            return words.Date(from);
        }

        return from.Year == to.Year && from.Month == to.Month
            ? $"{from.Day}{words.RangeDash}{to.Day} {words.MonthName(to.Month)} {to.Year}"
            : $"{words.DayAndMonth(from)}{words.RangeDash}{words.DayAndMonth(to)} {to.Year}";
    }

    private static LocalizedText Upper(string id, string en) =>
        new(id.ToUpperInvariant(), en.ToUpperInvariant());

    private static string Digits(string? number) =>
        number is null ? "" : new string(number.Where(char.IsAsciiDigit).ToArray());

    private static string DisplayNumber(string number)
    {
        var digits = Digits(number);
        if (digits.StartsWith("62", StringComparison.Ordinal))
        {
            digits = "0" + digits[2..];
        }

        // Indonesian mobile numbers read in groups of four after the 4-digit prefix: 0812-3456-7890.
        if (digits.Length is >= 10 and <= 13 && digits.StartsWith('0'))
        {
            var rest = digits[4..];
            var groups = new List<string> { digits[..4] };
            for (var i = 0; i < rest.Length; i += 4)
            {
                groups.Add(rest.Substring(i, Math.Min(4, rest.Length - i)));
            }

            return string.Join("-", groups);
        }

        return digits;
    }
}
