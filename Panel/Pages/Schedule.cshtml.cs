using MppSignage.Panel.Live;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Schedule;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Panel.Pages;

/// <summary>
/// Schedule (admin): the document in force and this week's hours; edit or paste a document, check it with
/// the same loader the controller uses (the full problem list, nothing sent), ask "what is the state at …"
/// from the draft, and publish it (the controller validates again and answers).
/// </summary>
public sealed class ScheduleModel(IOptions<PanelOptions> options, TimeProvider time, UiText t, ILogger<ScheduleModel> logger) : PanelPageModel(t)
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("dd-MM");
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The document text.</summary>
    public string? Document { get; private set; }

    /// <summary>Local date-time for "state at".</summary>
    public string? At { get; private set; }

    /// <summary>Problems of the draft (path and reason).</summary>
    public IReadOnlyList<ScheduleProblem> Problems { get; private set; } = [];

    /// <summary>Day → hours of the document in force (or the checked draft).</summary>
    public List<(string Day, string Hours)> Week { get; } = [];

    /// <summary>The answer to "state at".</summary>
    public string? StateAt { get; private set; }

    /// <summary>Problem with <see cref="At"/>.</summary>
    public string? AtError { get; private set; }

    /// <summary>Accepted?</summary>
    public bool? ResultOk { get; private set; }

    /// <summary>The controller's answer in words.</summary>
    public string? ResultText { get; private set; }

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb[options.Value.TimeZone];

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <inheritdoc />
    public override string Title => T["nav.schedule"];

    /// <summary>The document in force.</summary>
    public void OnGet()
    {
        Document = Session.Connection.ScheduleDocument;
        if (Document is not null && ScheduleLoader.Parse(Document).Schedule is { } inForce)
        {
            FillWeek(inForce);
        }
    }

    /// <summary>Checks the draft (nothing is sent).</summary>
    public void OnPostCheck()
    {
        ReadForm();
        if (Load() is { } draft)
        {
            FillWeek(draft);
            Answer(draft);
            ResultOk = true;
            ResultText = T.English ? "The draft has no problems (not published yet)." : "Draf tidak bermasalah (belum diterbitkan).";
        }
    }

    /// <summary>Publishes the draft as the admin; a draft with problems is not sent.</summary>
    public async Task OnPostPublishAsync()
    {
        ReadForm();
        if (Load() is not { } draft)
        {
            return;
        }

        FillWeek(draft);
        var c = Session.Connection;
        var (result, problem) = await c.CommandAsync(c.Topics.ScheduleSet, Encoding.UTF8.GetBytes(Document!), TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted);
        ResultOk = result?.Ok == true;
        ResultText = T.Outcome(result, problem, T.English ? "Schedule accepted by the controller." : "Jadwal diterima oleh pengendali.");
        Log.CommandSent(logger, Session.User, c.Topics.ScheduleSet, ResultOk == true ? "accepted" : ResultText ?? "");
    }

    private void ReadForm()
    {
        Document = Field("Document");
        At = Field("At");
    }

    private SiteSchedule? Load()
    {
        if (string.IsNullOrWhiteSpace(Document))
        {
            Problems = [new ScheduleProblem("$", T["login.required"])];
            return null;
        }

        if (Encoding.UTF8.GetByteCount(Document) > CommandLimits.MaxPayloadBytes)
        {
            Problems = [new ScheduleProblem("$", T.English ? $"the document is larger than {CommandLimits.MaxPayloadBytes} bytes" : $"dokumen lebih besar dari {CommandLimits.MaxPayloadBytes} byte")];
            return null;
        }

        var result = ScheduleLoader.Parse(Document);
        Problems = result.Problems;
        return result.Schedule;
    }

    private void Answer(SiteSchedule draft)
    {
        if (string.IsNullOrWhiteSpace(At))
        {
            return;
        }

        var parsed = LocalPattern.Parse(At.Trim());
        if (!parsed.Success)
        {
            AtError = T.English ? "not a date and time" : "bukan tanggal dan jam";
            return;
        }

        var zone = draft.Zone;
        var at = zone.AtLeniently(parsed.Value).ToInstant();
        var e = draft.Evaluate(at);
        var state = e.State == MppSignage.Shared.OpeningHours.OpeningState.Open ? T["status.open"] : T["status.closed"];
        var next = e.NextChange is { } n ? StatusView.Local(IsoTime.Format(n, zone), zone, Now) : T["none"];
        StateAt = $"{LocalPattern.Format(parsed.Value).Replace('T', ' ')}: {state} — {e.Reason}{(e.Name is null ? "" : $" ({e.Name})")}; {T["status.next"]}: {next}";
    }

    private string DayName(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => T.English ? "Mon" : "Senin",
        IsoDayOfWeek.Tuesday => T.English ? "Tue" : "Selasa",
        IsoDayOfWeek.Wednesday => T.English ? "Wed" : "Rabu",
        IsoDayOfWeek.Thursday => T.English ? "Thu" : "Kamis",
        IsoDayOfWeek.Friday => T.English ? "Fri" : "Jumat",
        IsoDayOfWeek.Saturday => T.English ? "Sat" : "Sabtu",
        _ => T.English ? "Sun" : "Minggu",
    };

    private void FillWeek(SiteSchedule schedule)
    {
        var zone = schedule.Zone;
        var today = Now.InZone(zone).Date;
        for (var i = 0; i < 7; i++)
        {
            var day = today.PlusDays(i);
            var noon = zone.AtLeniently(day.At(new LocalTime(12, 0))).ToInstant();
            var e = schedule.Evaluate(noon);
            var hours = e.TodayHours.Count == 0 ? T["status.closed"] : string.Join(", ", e.TodayHours.Select(h => $"{TimePattern.Format(h.Start.InZone(zone).TimeOfDay)}–{TimePattern.Format(h.End.InZone(zone).TimeOfDay)}"));
            Week.Add(($"{DayName(day.DayOfWeek)} {DayPattern.Format(day)}", hours + (e.Name is null ? "" : $" ({e.Name})")));
        }
    }
}
