using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Panel.Pages;

/// <summary>Announcements (admin): the retained list, create/edit (upsert by id) and delete.</summary>
public sealed class AnnouncementsModel(IOptions<PanelOptions> options, UiText t, ILogger<AnnouncementsModel> logger) : PanelPageModel
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>The form.</summary>
    [BindProperty] public AnnouncementForm Form { get; set; } = new();

    /// <summary>The retained list.</summary>
    public IReadOnlyList<Announcement> Items { get; private set; } = [];

    /// <summary>Field → problem (the names of the announcement format).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Accepted?</summary>
    public bool? ResultOk { get; private set; }

    /// <summary>The result in words.</summary>
    public string? ResultText { get; private set; }

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb[options.Value.TimeZone];

    /// <summary>The list, and the form (filled from <paramref name="edit"/>).</summary>
    public void OnGet(string? edit)
    {
        Items = Session.Connection.Announcements;
        if (Items.FirstOrDefault(a => a.Id == edit) is { } a)
        {
            Form = AnnouncementForm.Of(a, LocalPattern);
        }
    }

    /// <summary>Validates the form with the format's own rules and publishes it as the admin.</summary>
    public async Task<IActionResult> OnPostPublishAsync()
    {
        Items = Session.Connection.Announcements;
        var draft = Build();
        if (draft is null)
        {
            return Page();
        }

        await SendAsync(Session.Connection.Topics.AnnouncementsSet, AnnouncementJson.SerializeAnnouncement(draft), t["ann.ok"]);
        if (ResultOk == true)
        {
            Form = new AnnouncementForm();
        }

        return Page();
    }

    /// <summary>The screen the preview was drawn by (null: none shown).</summary>
    public string? PreviewScreen { get; private set; }

    /// <summary>Cache-buster for the preview image.</summary>
    public long PreviewStamp { get; private set; }

    /// <summary>
    /// The draft drawn by a live screen renderer (its own size and fonts), asked for over MQTT; nothing is
    /// published. Says so when no screen is online.
    /// </summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        Items = Session.Connection.Announcements;
        var draft = Build();
        if (draft is null)
        {
            return Page();
        }

        var c = Session.Connection;
        var online = c.Screens.Where(s => s.Online).ToList();
        var screen = online.FirstOrDefault(s => draft.Screens.Contains(s.Id)) ?? online.FirstOrDefault();
        if (screen is null)
        {
            ResultOk = false;
            ResultText = t["ann.noscreen"];
            return Page();
        }

        var (answer, problem) = await c.RequestAsync(c.Topics.PreviewGet(screen.Id), AnnouncementJson.SerializeAnnouncement(draft), TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted, alsoOn: c.Topics.Preview(screen.Id));
        if (answer is null)
        {
            ResultOk = false;
            ResultText = t["ovr." + problem];
        }
        else if (answer.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            Session.Images["preview"] = answer;
            PreviewScreen = screen.Id;
            PreviewStamp = Random.Shared.NextInt64();
        }
        else
        {
            ResultOk = false;
            ResultText = t.Format("ovr.refused", System.Text.Encoding.UTF8.GetString(answer));
        }

        return Page();
    }

    /// <summary>Deletes one announcement.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(string? deleteId)
    {
        Items = Session.Connection.Announcements;
        if (deleteId is null || !AnnouncementJson.IsValidId(deleteId))
        {
            ResultOk = false;
            ResultText = "id: " + (t.English ? "not a valid id" : "id tidak sah");
            return Page();
        }

        var payload = AnnouncementJson.SerializeDelete(deleteId);
        await SendAsync(Session.Connection.Topics.AnnouncementsDelete, payload, t["ann.deleted"]);
        return Page();
    }

    private async Task SendAsync(string topic, byte[] payload, string okText)
    {
        var c = Session.Connection;
        var version = c.Version;
        var (result, problem) = await c.CommandAsync(topic, payload, TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted);
        ResultOk = result?.Ok == true;
        ResultText = t.Outcome(result, problem, okText);
        if (result is { Ok: false, Field: { } field, Error: { } error })
        {
            AddError(field, error);
        }

        Log.CommandSent(logger, Session.User, topic, ResultOk == true ? "accepted" : ResultText ?? "");
        if (ResultOk == true)
        {
            // The controller republishes the retained list right after accepting: show it.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                while (c.Version == version)
                {
                    await c.WaitForChangeAsync(version, wait.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Shown on the next visit.
            }

            Items = c.Announcements;
        }
    }

    private Announcement? Build()
    {
        var f = Form;
        OffsetDateTime? Instant(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var parsed = LocalPattern.Parse(text.Trim());
            if (!parsed.Success)
            {
                Errors[field] = t.English ? "not a date and time" : "bukan tanggal dan jam";
                return null;
            }

            return Zone.AtLeniently(parsed.Value).ToOffsetDateTime();
        }

        var from = Instant(f.From, "from");
        var until = Instant(f.Until, "until");
        var seconds = AnnouncementLimits.DefaultSeconds;
        if (!string.IsNullOrWhiteSpace(f.Seconds) && !int.TryParse(f.Seconds, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            Errors["seconds"] = t.English ? "a whole number of seconds" : "harus bilangan bulat (detik)";
        }

        if (string.IsNullOrWhiteSpace(f.Id))
        {
            Errors["id"] = t["login.required"];
        }

        if (string.IsNullOrWhiteSpace(f.TitleId))
        {
            Errors["title"] = t["login.required"];
        }

        var services = Entries(f.Services);

        if (Errors.Count > 0)
        {
            return null;
        }

        var draft = new Announcement
        {
            Id = f.Id!.Trim(),
            Kind = f.Kind switch { "qr" => AnnouncementKind.Qr, "services" => AnnouncementKind.Services, _ => AnnouncementKind.Text },
            Title = new LocalizedText(f.TitleId!.Trim(), Blank(f.TitleEn)),
            Body = Blank(f.BodyId) is { } body ? new LocalizedText(body, Blank(f.BodyEn)) : null,
            Qr = Blank(f.QrUrl) is { } url ? new QrTarget(url, Blank(f.CaptionId) is { } caption ? new LocalizedText(caption, Blank(f.CaptionEn)) : null) : null,
            Priority = f.Priority switch { "high" => AnnouncementPriority.High, "emergency" => AnnouncementPriority.Emergency, _ => AnnouncementPriority.Normal },
            From = from,
            Until = until,
            When = Blank(f.When),
            Seconds = seconds,
            Screens = (f.Screens ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Services = services!,
        };

        // The format's own validation (the controller runs the same): problems land at their fields.
        var check = AnnouncementJson.ParseAnnouncement(AnnouncementJson.SerializeAnnouncement(draft), new OpeningHoursWhenEvaluator());
        foreach (var problem in check.Problems)
        {
            AddError(problem.Field, problem.Reason);
        }

        return check.Announcement;
    }

    /// <summary>
    /// Puts a problem of the format at its form field: <c>qr.caption…</c> at the caption, <c>services[2].agency</c>
    /// at the services list (with its full path, so the line is named), anything else at its top-level name.
    /// </summary>
    private void AddError(string field, string reason)
    {
        var key = field.StartsWith("qr.caption", StringComparison.Ordinal) ? "caption" : field.Split('.', '[')[0];
        Errors.TryAdd(key, field == key ? reason : $"{field}: {reason}");
    }

    /// <summary>
    /// The services text, one entry per line (<c>agency | counter | service; service | requirement; requirement</c>),
    /// as entries; the format's validator checks them. Null when a line has too many parts (error at "services").
    /// </summary>
    private IReadOnlyList<ServiceEntry>? Entries(string? text)
    {
        var entries = new List<ServiceEntry>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length > 4)
            {
                Errors.TryAdd("services", t.Format("ann.services.line", i + 1));
                return null;
            }

            static string[] List(string[] parts, int i) =>
                parts.Length > i ? parts[i].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            entries.Add(new ServiceEntry(parts[0], parts.Length > 1 ? Blank(parts[1]) : null, List(parts, 2), List(parts, 3)));
        }

        return entries;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The announcement form's fields (strings, checked by <see cref="AnnouncementJson.ParseAnnouncement"/>).</summary>
public sealed class AnnouncementForm
{
    /// <summary>id.</summary>
    public string? Id { get; set; }

    /// <summary>text, qr or services.</summary>
    public string? Kind { get; set; } = "text";

    /// <summary>Title, Indonesian.</summary>
    public string? TitleId { get; set; }

    /// <summary>Title, English.</summary>
    public string? TitleEn { get; set; }

    /// <summary>Body, Indonesian.</summary>
    public string? BodyId { get; set; }

    /// <summary>Body, English.</summary>
    public string? BodyEn { get; set; }

    /// <summary>QR target.</summary>
    public string? QrUrl { get; set; }

    /// <summary>QR caption, Indonesian.</summary>
    public string? CaptionId { get; set; }

    /// <summary>QR caption, English.</summary>
    public string? CaptionEn { get; set; }

    /// <summary>Services entries, one per line: <c>agency | counter | service; … | requirement; …</c>.</summary>
    public string? Services { get; set; }

    /// <summary>normal, high, emergency.</summary>
    public string? Priority { get; set; } = "normal";

    /// <summary>Local date-time.</summary>
    public string? From { get; set; }

    /// <summary>Local date-time.</summary>
    public string? Until { get; set; }

    /// <summary>opening_hours expression.</summary>
    public string? When { get; set; }

    /// <summary>Seconds.</summary>
    public string? Seconds { get; set; } = "10";

    /// <summary>Comma-separated screen ids.</summary>
    public string? Screens { get; set; }

    /// <summary>The form of an existing item.</summary>
    internal static AnnouncementForm Of(Announcement a, LocalDateTimePattern pattern) => new()
    {
        Id = a.Id,
        Kind = MppSignage.Shared.Wire.WireName.Of(a.Kind),
        TitleId = a.Title?.Id ?? "",
        TitleEn = a.Title?.En,
        BodyId = a.Body?.Id,
        BodyEn = a.Body?.En,
        QrUrl = a.Qr?.Url,
        CaptionId = a.Qr?.Caption?.Id,
        CaptionEn = a.Qr?.Caption?.En,
        Services = string.Join("\n", a.Services.Select(e => $"{e.Agency} | {e.Counter} | {string.Join("; ", e.Services)} | {string.Join("; ", e.Requirements)}")),
        Priority = MppSignage.Shared.Wire.WireName.Of(a.Priority),
        From = a.From is { } f ? pattern.Format(f.LocalDateTime) : null,
        Until = a.Until is { } u ? pattern.Format(u.LocalDateTime) : null,
        When = a.When,
        Seconds = a.Seconds.ToString(CultureInfo.InvariantCulture),
        Screens = string.Join(", ", a.Screens),
    };
}
