using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Mqtt;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Panel.Pages;

/// <summary>Announcements (admin): the retained list, create/edit (upsert by id) and delete.</summary>
public sealed class AnnouncementsModel(IOptions<PanelOptions> options, UiText t, ILogger<AnnouncementsModel> logger) : PanelPageModel(t)
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>The form.</summary>
    public AnnouncementForm Draft { get; private set; } = new();

    /// <summary>The retained list.</summary>
    public IReadOnlyList<Announcement> Items { get; private set; } = [];

    /// <summary>Field → problem (the names of the announcement format).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Services entry (row index) → its problem, shown at that row.</summary>
    public Dictionary<int, string> RowErrors { get; } = [];

    /// <summary>The screens online now (the preview's choices).</summary>
    public IReadOnlyList<string> OnlineScreens => Session.Connection.Screens.Where(s => s.Online).Select(s => s.Id).ToList();

    /// <summary>Accepted?</summary>
    public bool? ResultOk { get; private set; }

    /// <summary>The result in words.</summary>
    public string? ResultText { get; private set; }

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb[options.Value.TimeZone];

    /// <inheritdoc />
    public override string Title => T["ann.title"];

    /// <summary>The list, and the form (filled from <c>?edit=ID</c>).</summary>
    public void OnGet()
    {
        Items = Session.Connection.Announcements;
        var edit = Query("edit");
        if (Items.FirstOrDefault(a => a.Id == edit) is { } a)
        {
            Draft = AnnouncementForm.Of(a, LocalPattern);
        }
    }

    /// <summary>Validates the form with the format's own rules and publishes it as the admin.</summary>
    public async Task OnPostPublishAsync()
    {
        Items = Session.Connection.Announcements;
        var draft = await BuildAsync();
        if (draft is null)
        {
            return;
        }

        await SendAsync(Session.Connection.Topics.AnnouncementsSet, AnnouncementJson.SerializeAnnouncement(draft), T["ann.ok"]);
        if (ResultOk == true)
        {
            Draft = new AnnouncementForm();
        }
    }

    /// <summary>The screen the preview was drawn by (null: none shown).</summary>
    public string? PreviewScreen { get; private set; }

    /// <summary>How that screen was picked, in words (chosen, one of the announcement's screens, the first online one).</summary>
    public string? PreviewHow { get; private set; }

    /// <summary>Cache-buster for the preview image.</summary>
    public long PreviewStamp { get; private set; }

    /// <summary>
    /// The draft drawn by a live screen renderer (its own size and fonts), asked for over MQTT; nothing is
    /// published. Says so when no screen is online.
    /// </summary>
    public async Task OnPostPreviewAsync()
    {
        Items = Session.Connection.Announcements;
        var draft = await BuildAsync();
        if (draft is null)
        {
            return;
        }

        var c = Session.Connection;
        var online = c.Screens.Where(s => s.Online).ToList();
        ScreenInfo? screen;
        if (Draft.PreviewScreen is { } chosen)
        {
            // The admin's choice: that screen or nothing (never another one in its place).
            screen = online.FirstOrDefault(s => s.Id == chosen);
            if (screen is null)
            {
                Errors["previewScreen"] = T.Format("ann.preview.offline", chosen);
                return;
            }

            PreviewHow = T["ann.preview.chosen"];
        }
        else
        {
            screen = online.FirstOrDefault(s => draft.Screens.Contains(s.Id));
            PreviewHow = T["ann.preview.own"];
            if (screen is null)
            {
                screen = online.FirstOrDefault();
                PreviewHow = draft.Screens.Count == 0 ? T["ann.preview.any"] : T["ann.preview.fallback"];
            }
        }

        if (screen is null)
        {
            ResultOk = false;
            ResultText = T["ann.noscreen"];
            return;
        }

        var (answer, problem) = await c.RequestAsync(c.Topics.PreviewGet(screen.Id), AnnouncementJson.SerializeAnnouncement(draft), TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted, alsoOn: c.Topics.Preview(screen.Id));
        if (answer is null)
        {
            ResultOk = false;
            ResultText = T["ovr." + problem];
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
            ResultText = T.Format("ovr.refused", System.Text.Encoding.UTF8.GetString(answer));
        }
    }

    /// <summary>The draft with one more (empty) services entry; nothing is checked or sent.</summary>
    public void OnPostAddEntry()
    {
        Items = Session.Connection.Announcements;
        Draft = AnnouncementForm.Read(Field);
        if (Draft.Entries.Count < AnnouncementLimits.MaxServiceEntries)
        {
            Draft.Entries.Add(new ServiceRow());
        }
    }

    /// <summary>The draft without the services entry <c>?row=N</c>; nothing is checked or sent.</summary>
    public void OnPostRemoveEntry()
    {
        Items = Session.Connection.Announcements;
        Draft = AnnouncementForm.Read(Field);
        if (int.TryParse(Query("row"), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < Draft.Entries.Count)
        {
            Draft.Entries.RemoveAt(row);
        }

        if (Draft.Entries.Count == 0)
        {
            Draft.Entries.Add(new ServiceRow());
        }
    }

    /// <summary>Deletes one announcement.</summary>
    public async Task OnPostDeleteAsync()
    {
        var deleteId = Field("deleteId");
        Items = Session.Connection.Announcements;
        if (deleteId is null || !AnnouncementJson.IsValidId(deleteId))
        {
            ResultOk = false;
            ResultText = "id: " + (T.English ? "not a valid id" : "id tidak sah");
            return;
        }

        var payload = AnnouncementJson.SerializeDelete(deleteId);
        await SendAsync(Session.Connection.Topics.AnnouncementsDelete, payload, T["ann.deleted"]);
    }

    private async Task SendAsync(string topic, byte[] payload, string okText)
    {
        var c = Session.Connection;
        var version = c.Version;
        var (result, problem) = await c.CommandAsync(topic, payload, TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted);
        ResultOk = result?.Ok == true;
        ResultText = T.Outcome(result, problem, okText);
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

    /// <summary>The largest poster file in MB (said next to the field).</summary>
    public string MaxUploadMegabytes => Megabytes(options.Value.MaxUploadBytes);

    /// <summary>What the poster upload did (size, the controller's note), shown under the file field.</summary>
    public string? UploadNote { get; private set; }

    /// <summary>
    /// A poster file chosen in this request is uploaded at once over the admin's own connection (<c>uploads/put</c>),
    /// whatever the rest of the form says, so it survives the page coming back (a file field is always empty then):
    /// the controller's id is kept in the form. Refusals (too large here, or the controller's) land at the field.
    /// An asset no announcement names is removed by the controller after its grace time.
    /// </summary>
    private async Task UploadPosterAsync(AnnouncementForm f)
    {
        var file = Form.Files.GetFile("Form.Poster");
        if (file is null || file.Length == 0)
        {
            return;
        }

        var max = options.Value.MaxUploadBytes;
        if (file.Length > max)
        {
            Errors["image"] = T.Format("ann.poster.toolarge", Megabytes(file.Length), Megabytes(max));
            return;
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, HttpContext.RequestAborted);
        }

        var c = Session.Connection;
        var (result, problem) = await c.CommandAsync(c.Topics.UploadsPut, bytes, TimeSpan.FromSeconds(Math.Max(options.Value.CommandTimeoutSeconds, 30)), HttpContext.RequestAborted);
        Log.CommandSent(logger, Session.User, c.Topics.UploadsPut, result?.Ok == true ? $"accepted {result.Sha256}" : T.Outcome(result, problem, null) ?? "");
        if (result is { Ok: true, Sha256: { } sha })
        {
            f.ImageSha256 = sha;
            UploadNote = T.Format("ann.poster.uploaded", file.FileName, result.Width, result.Height, Megabytes(result.Bytes ?? 0)) + (result.Note is { Length: > 0 } note ? " " + note : "");
        }
        else
        {
            Errors["image"] = result is { Ok: false } refused ? (refused.Field is { } field ? $"{field}: {refused.Error}" : refused.Error ?? "") : T["ovr." + (problem ?? "timeout")];
        }
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture) + " MB";

    private async Task<Announcement?> BuildAsync()
    {
        var f = Draft = AnnouncementForm.Read(Field);
        var image = f.Kind == "image";
        if (image)
        {
            await UploadPosterAsync(f);
            if (f.ImageSha256 is null && !Errors.ContainsKey("image"))
            {
                Errors["image"] = T["ann.poster.required"];
            }
        }

        OffsetDateTime? Instant(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var parsed = LocalPattern.Parse(text.Trim());
            if (!parsed.Success)
            {
                Errors[field] = T.English ? "not a date and time" : "bukan tanggal dan jam";
                return null;
            }

            return Zone.AtLeniently(parsed.Value).ToOffsetDateTime();
        }

        var from = Instant(f.From, "from");
        var until = Instant(f.Until, "until");
        var seconds = AnnouncementLimits.DefaultSeconds;
        if (!string.IsNullOrWhiteSpace(f.Seconds) && !int.TryParse(f.Seconds, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            Errors["seconds"] = T.English ? "a whole number of seconds" : "harus bilangan bulat (detik)";
        }

        if (string.IsNullOrWhiteSpace(f.Id))
        {
            Errors["id"] = T["login.required"];
        }

        if (string.IsNullOrWhiteSpace(f.TitleId) && !image)
        {
            // A poster's title is optional (its caption band).
            Errors["title"] = T["login.required"];
        }

        var services = Entries(f.Entries);

        if (Errors.Count > 0)
        {
            return null;
        }

        var draft = new Announcement
        {
            Id = f.Id!.Trim(),
            Kind = f.Kind switch { "qr" => AnnouncementKind.Qr, "services" => AnnouncementKind.Services, "image" => AnnouncementKind.Image, _ => AnnouncementKind.Text },
            Title = Blank(f.TitleId) is { } title ? new LocalizedText(title, Blank(f.TitleEn)) : null,
            Image = image && f.ImageSha256 is { } sha
                ? new PosterImage(sha, f.Fit == "cover" ? PosterFit.Cover : PosterFit.Contain, Blank(f.Background) ?? PosterImage.AutoBackground)
                : null,
            Body = Blank(f.BodyId) is { } body ? new LocalizedText(body, Blank(f.BodyEn)) : null,
            Qr = Blank(f.QrUrl) is { } url ? new QrTarget(url, Blank(f.CaptionId) is { } caption ? new LocalizedText(caption, Blank(f.CaptionEn)) : null) : null,
            Priority = f.Priority switch { "high" => AnnouncementPriority.High, "emergency" => AnnouncementPriority.Emergency, _ => AnnouncementPriority.Normal },
            From = from,
            Until = until,
            When = Blank(f.When),
            Seconds = seconds,
            Screens = (f.Screens ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Services = services,
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
    /// at that services entry (with its full path), anything else at its top-level name.
    /// </summary>
    private void AddError(string field, string reason)
    {
        var key = field.StartsWith("qr.caption", StringComparison.Ordinal) ? "caption"
            : field is "image.fit" or "image.background" ? field["image.".Length..]
            : field.Split('.', '[')[0];
        if (key == "services" && _rowOf.Count > 0 && field.Length > 9 && field[8] == '['
            && int.TryParse(field.AsSpan(9, field.IndexOf(']') - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var entry)
            && entry < _rowOf.Count)
        {
            // The format numbers the entries it was given; empty rows were left out, so map back to the row.
            RowErrors.TryAdd(_rowOf[entry], $"{field}: {reason}");
            return;
        }

        Errors.TryAdd(key, field == key ? reason : $"{field}: {reason}");
    }

    // Entry index in the draft → row index in the form (empty rows are not entries).
    private readonly List<int> _rowOf = [];

    /// <summary>The services rows as entries (rows left empty are ignored); the format's validator checks them.</summary>
    private List<ServiceEntry> Entries(List<ServiceRow> rows)
    {
        var entries = new List<ServiceEntry>();
        _rowOf.Clear();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var services = Lines(r.Services);
            var requirements = Lines(r.Requirements);
            if (Blank(r.Agency) is null && Blank(r.Counter) is null && services.Length == 0 && requirements.Length == 0)
            {
                continue;
            }

            _rowOf.Add(i);
            entries.Add(new ServiceEntry(Blank(r.Agency) ?? "", Blank(r.Counter), services, requirements));
        }

        return entries;
    }

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

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

    /// <summary>The services entries, one row each (<c>Form.Services[i].Agency</c> …); at least one row is shown.</summary>
    public List<ServiceRow> Entries { get; init; } = [new ServiceRow()];

    /// <summary>The poster's asset id (the controller's SHA-256 after an upload, kept in a hidden field).</summary>
    public string? ImageSha256 { get; set; }

    /// <summary>contain or cover.</summary>
    public string? Fit { get; set; } = "contain";

    /// <summary>auto, theme or #rrggbb.</summary>
    public string? Background { get; set; }

    /// <summary>The screen the admin chose for the preview (null: automatic).</summary>
    public string? PreviewScreen { get; set; }

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

    /// <summary>The posted fields (<c>Form.Id</c>, <c>Form.Kind</c> …).</summary>
    internal static AnnouncementForm Read(Func<string, string?> field) => new()
    {
        Id = field("Form.Id"),
        Kind = field("Form.Kind") ?? "text",
        TitleId = field("Form.TitleId"),
        TitleEn = field("Form.TitleEn"),
        BodyId = field("Form.BodyId"),
        BodyEn = field("Form.BodyEn"),
        QrUrl = field("Form.QrUrl"),
        CaptionId = field("Form.CaptionId"),
        CaptionEn = field("Form.CaptionEn"),
        Entries = ReadRows(field),
        PreviewScreen = field("Form.PreviewScreen"),
        ImageSha256 = field("Form.ImageSha256") is { } sha && PosterImage.IsValidSha256(sha) ? sha : null,
        Fit = field("Form.Fit") ?? "contain",
        Background = field("Form.Background"),
        Priority = field("Form.Priority") ?? "normal",
        From = field("Form.From"),
        Until = field("Form.Until"),
        When = field("Form.When"),
        Seconds = field("Form.Seconds") ?? "10",
        Screens = field("Form.Screens"),
    };

    /// <summary>
    /// The posted rows in index order, up to one more than the format allows (so a crafted request gets the format's
    /// own "too many" answer); empty rows are kept for the form, never sent.
    /// </summary>
    private static List<ServiceRow> ReadRows(Func<string, string?> field)
    {
        var rows = new List<ServiceRow>();
        for (var i = 0; i <= AnnouncementLimits.MaxServiceEntries; i++)
        {
            var p = $"Form.Services[{i}].";
            rows.Add(new ServiceRow { Agency = field(p + "Agency"), Counter = field(p + "Counter"), Services = field(p + "Services"), Requirements = field(p + "Requirements") });
        }

        // Trailing empty rows are dropped (one stays, so the form always has a row to fill).
        while (rows.Count > 1 && rows[^1].IsEmpty)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }

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
        Entries = a.Services.Count == 0 ? [new ServiceRow()]
            : a.Services.Select(e => new ServiceRow { Agency = e.Agency, Counter = e.Counter, Services = string.Join("\n", e.Services), Requirements = string.Join("\n", e.Requirements) }).ToList(),
        Priority = MppSignage.Shared.Wire.WireName.Of(a.Priority),
        From = a.From is { } f ? pattern.Format(f.LocalDateTime) : null,
        Until = a.Until is { } u ? pattern.Format(u.LocalDateTime) : null,
        When = a.When,
        Seconds = a.Seconds.ToString(CultureInfo.InvariantCulture),
        Screens = string.Join(", ", a.Screens),
        ImageSha256 = a.Image?.Sha256,
        Fit = a.Image?.Fit == PosterFit.Cover ? "cover" : "contain",
        Background = a.Image?.Background,
    };
}

/// <summary>One services entry of the form: agency, counter, and the services and requirements one per line.</summary>
public sealed class ServiceRow
{
    /// <summary>Agency name.</summary>
    public string? Agency { get; init; }

    /// <summary>Counter.</summary>
    public string? Counter { get; init; }

    /// <summary>Services, one per line.</summary>
    public string? Services { get; init; }

    /// <summary>Requirements, one per line.</summary>
    public string? Requirements { get; init; }

    /// <summary>True when nothing was typed in the row.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Agency) && string.IsNullOrWhiteSpace(Counter) && string.IsNullOrWhiteSpace(Services) && string.IsNullOrWhiteSpace(Requirements);
}
