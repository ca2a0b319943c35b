using System.Globalization;
using System.Text.Json;
using NodaTime;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Wire;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// Reads and writes announcements as JSON: one item (the <c>announcements/set</c> payload), the delete
/// command, and the retained list <c>{"updatedAt":…,"items":[…]}</c> on <c>mpp/{site}/announcements</c>.
/// Reading never throws on bad input: every problem is returned with its field and reason.
/// </summary>
/// <remarks>
/// Parsing is done by hand over <see cref="JsonDocument"/> rather than by deserialising a DTO so that each
/// refusal names the exact field (<c>services[2].agency</c>) and unknown fields are refused (a typo such as
/// <c>"untill"</c> must not silently make an announcement permanent).
/// </remarks>
public static class AnnouncementJson
{
    private static readonly JsonInputRules ItemRules = new(AnnouncementLimits.MaxPayloadBytes, MaxDepth: 16);

    // The retained list holds at most MaxCount items of at most MaxPayloadBytes each.
    private static readonly JsonInputRules ListRules = new(AnnouncementLimits.MaxCount * AnnouncementLimits.MaxPayloadBytes + 1024, MaxDepth: 16);

    private static readonly HashSet<string> AnnouncementFields =
        ["id", "kind", "title", "body", "qr", "priority", "from", "until", "when", "seconds", "screens", "services", "image"];

    /// <summary>Parses and validates one announcement (the <c>announcements/set</c> payload).</summary>
    /// <param name="utf8">The payload.</param>
    /// <param name="when">Validates the <c>when</c> expression; when null any non-empty expression is accepted.</param>
    public static AnnouncementParseResult ParseAnnouncement(ReadOnlySpan<byte> utf8, IWhenEvaluator? when = null)
    {
        var problems = new List<AnnouncementProblem>();
        using var doc = Open(utf8, ItemRules, problems);
        if (doc is null)
        {
            return new AnnouncementParseResult(null, problems);
        }

        var item = ReadAnnouncement(doc.RootElement, "", problems, when);
        return problems.Count == 0 && item is not null
            ? new AnnouncementParseResult(item, [])
            : new AnnouncementParseResult(null, problems);
    }

    /// <summary>Parses the <c>announcements/delete</c> payload <c>{"id":"…"}</c>.</summary>
    public static AnnouncementDeleteParseResult ParseDelete(ReadOnlySpan<byte> utf8)
    {
        using var doc = WireJson.OpenObject(utf8, ItemRules, out var refusal);
        if (doc is null)
        {
            return new(null, new(refusal.Path, refusal.Reason));
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Name != "id")
            {
                return new(null, new(WireJson.Member("", p.Name), "unknown field; a delete command has only \"id\""));
            }
        }

        var problems = new List<AnnouncementProblem>();
        var id = ReadId(doc.RootElement, "id", problems);
        return problems.Count == 0 ? new(id, null) : new(null, problems[0]);
    }

    /// <summary>
    /// Parses the retained list. Invalid items are left out and reported, so one bad item published by an
    /// older hub does not blank the whole rotation.
    /// </summary>
    public static AnnouncementListParseResult ParseList(ReadOnlySpan<byte> utf8, IWhenEvaluator? when = null)
    {
        var problems = new List<AnnouncementProblem>();
        var items = new List<Announcement>();
        if (utf8.IsEmpty)
        {
            // An empty retained payload clears the retained message: no announcements.
            return new(items, problems);
        }

        using var doc = Open(utf8, ListRules, problems);
        if (doc is not null)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new("items", "expected an object with an \"items\" array"));
                return new(items, problems);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var element in list.EnumerateArray())
            {
                var itemProblems = new List<AnnouncementProblem>();
                var item = ReadAnnouncement(element, $"items[{i}].", itemProblems, when);
                if (item is not null && itemProblems.Count == 0)
                {
                    if (seen.Add(item.Id))
                    {
                        items.Add(item);
                    }
                    else
                    {
                        problems.Add(new($"items[{i}].id", $"duplicate id '{item.Id}'; the first one is kept"));
                    }
                }
                else
                {
                    problems.AddRange(itemProblems);
                }

                i++;
            }
        }

        return new(items, problems);
    }

    /// <summary>Serialises one announcement (the form <see cref="ParseAnnouncement"/> reads back).</summary>
    public static byte[] SerializeAnnouncement(Announcement announcement) => Serialize(AnnouncementPayload.Of(announcement));

    /// <summary>The one writer of the announcement format: a payload built by the CLI or the panel, or <see cref="AnnouncementPayload.Of"/>.</summary>
    public static byte[] Serialize(AnnouncementPayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, MqttJsonContext.Wire.AnnouncementPayload);

    /// <summary>Serialises the retained list <c>{"updatedAt":…,"items":[…]}</c>.</summary>
    public static byte[] SerializeList(IEnumerable<Announcement> items, OffsetDateTime? updatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new AnnouncementListPayload { UpdatedAt = updatedAt, Items = items.Select(AnnouncementPayload.Of).ToList() };
        return JsonSerializer.SerializeToUtf8Bytes(list, MqttJsonContext.Wire.AnnouncementListPayload);
    }

    /// <summary>Serialises the <c>announcements/delete</c> command.</summary>
    public static byte[] SerializeDelete(string id) =>
        JsonSerializer.SerializeToUtf8Bytes(new AnnouncementDeletePayload(id), MqttJsonContext.Wire.AnnouncementDeletePayload);

    /// <summary>True when <paramref name="id"/> is usable as an announcement or screen id.</summary>
    public static bool IsValidId(string id) =>
        id.Length is >= 1 and <= AnnouncementLimits.MaxIdLength
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    private static Announcement? ReadAnnouncement(JsonElement root, string prefix, List<AnnouncementProblem> problems, IWhenEvaluator? whenEvaluator)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(prefix.Length == 0 ? "$" : prefix.TrimEnd('.'), "expected a JSON object"));
            return null;
        }

        foreach (var p in root.EnumerateObject())
        {
            if (!AnnouncementFields.Contains(p.Name))
            {
                problems.Add(new(prefix + WireJson.Shorten(p.Name), WireJson.UnknownMember(p.Name, AnnouncementFields)));
            }
        }

        var id = ReadId(root, prefix + "id", problems, prop: "id");
        var kind = ReadEnum(root, "kind", prefix, problems, required: true, AnnouncementKind.Text);
        // A poster needs no title (its caption band shows one when given); every other kind does.
        var titleRequired = !(root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && k.GetString() == WireName.Of(AnnouncementKind.Image));
        var title = ReadText(root, "title", prefix, problems, AnnouncementLimits.MaxTitleLength, required: titleRequired, multiline: false);
        var body = ReadText(root, "body", prefix, problems, AnnouncementLimits.MaxBodyLength, required: false, multiline: true);
        var qr = ReadQr(root, prefix, problems);
        var priority = ReadEnum(root, "priority", prefix, problems, required: false, AnnouncementPriority.Normal);
        var from = ReadInstant(root, "from", prefix, problems);
        var until = ReadInstant(root, "until", prefix, problems);
        if (from is not null && until is not null && until.Value.ToInstant() <= from.Value.ToInstant())
        {
            problems.Add(new(prefix + "until", "must be later than \"from\""));
        }

        var when = ReadWhen(root, prefix, problems, whenEvaluator);
        var seconds = ReadSeconds(root, prefix, problems);
        var screens = ReadScreens(root, prefix, problems);
        var services = ReadServices(root, prefix, problems);
        var image = ReadImage(root, prefix, problems);

        if (kind == AnnouncementKind.Qr && qr is null && !problems.Any(p => p.Field.StartsWith(prefix + "qr", StringComparison.Ordinal)))
        {
            problems.Add(new(prefix + "qr", "required for kind \"qr\": {\"url\":\"https://…\"}"));
        }

        if (kind == AnnouncementKind.Services)
        {
            if (services.Count == 0 && !problems.Any(p => p.Field.StartsWith(prefix + "services", StringComparison.Ordinal)))
            {
                problems.Add(new(prefix + "services", "required for kind \"services\": at least one {\"agency\":…} entry"));
            }

            if (qr is not null)
            {
                problems.Add(new(prefix + "qr", "not allowed for kind \"services\"; use a separate \"qr\" announcement"));
            }
        }
        else if (root.TryGetProperty("services", out _))
        {
            problems.Add(new(prefix + "services", "only allowed for kind \"services\""));
        }

        if (kind == AnnouncementKind.Image)
        {
            if (image is null && !problems.Any(p => p.Field.StartsWith(prefix + "image", StringComparison.Ordinal)))
            {
                problems.Add(new(prefix + "image", "required for kind \"image\": {\"sha256\":\"<64 hex digits of an uploaded asset>\"}"));
            }
        }
        else if (root.TryGetProperty("image", out _))
        {
            problems.Add(new(prefix + "image", "only allowed for kind \"image\""));
        }

        if (problems.Count > 0 || id is null || (title is null && titleRequired))
        {
            return null;
        }

        return new Announcement
        {
            Id = id,
            Kind = kind,
            Title = title,
            Body = body,
            Qr = qr,
            Priority = priority,
            From = from,
            Until = until,
            When = when,
            Seconds = seconds,
            Screens = screens,
            Services = services,
            Image = image,
        };
    }

    private static readonly string[] ImageFields = ["sha256", "fit", "background"];

    private static PosterImage? ReadImage(JsonElement root, string prefix, List<AnnouncementProblem> problems)
    {
        if (!root.TryGetProperty("image", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = prefix + "image";
        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(field, $"expected {{\"sha256\":\"…\",\"fit\":\"contain|cover\",\"background\":\"auto|theme|#rrggbb\"}}, got {Describe(e)}"));
            return null;
        }

        var before = problems.Count;
        Unknown(e, field, ImageFields, "an image has \"sha256\", optional \"fit\" and \"background\"", problems);
        var sha = ReadString(e, "sha256", field, problems, (s, f) =>
        {
            if (PosterImage.IsValidSha256(s))
            {
                return s;
            }

            problems.Add(new(f, $"'{Shorten(s)}' is not an asset id: 64 lowercase hex digits (the sha256 the upload answered)"));
            return null;
        });
        if (sha is null && problems.Count == before)
        {
            problems.Add(new(field + ".sha256", "required: the sha256 of an uploaded asset (announce add --image uploads it)"));
        }

        var fit = ReadEnum(e, "fit", field + ".", problems, required: false, PosterFit.Contain);
        var background = ReadString(e, "background", field, problems, (s, f) =>
        {
            if (s is PosterImage.AutoBackground or PosterImage.ThemeBackground)
            {
                return s;
            }

            if (PosterImage.TryParseRgb(s, out _))
            {
                return s.ToLowerInvariant();
            }

            problems.Add(new(f, $"'{Shorten(s)}' is not a background; use auto, theme or a colour #rrggbb"));
            return null;
        }) ?? PosterImage.AutoBackground;

        return problems.Count == before && sha is not null ? new PosterImage(sha, fit, background) : null;
    }

    private static string? ReadId(JsonElement root, string field, List<AnnouncementProblem> problems, string prop = "id")
    {
        if (!root.TryGetProperty(prop, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            problems.Add(new(field, "required: 1-64 characters of a-z, 0-9, '-' or '_'"));
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(field, $"expected a string, got {Describe(e)}"));
            return null;
        }

        var id = e.GetString()!;
        if (!IsValidId(id))
        {
            problems.Add(new(field, $"'{Shorten(id)}' is not a valid id: use 1-64 characters of a-z, 0-9, '-' or '_'"));
            return null;
        }

        return id;
    }

    private static T ReadEnum<T>(JsonElement root, string name, string prefix, List<AnnouncementProblem> problems, bool required, T fallback)
        where T : struct, Enum
    {
        var names = WireName.List<T>();
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(new(prefix + name, $"required: one of {names}"));
            }

            return fallback;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(prefix + name, $"expected a string (one of {names}), got {Describe(e)}"));
            return fallback;
        }

        var s = e.GetString()!;
        if (WireName.TryParse<T>(s, out var value))
        {
            return value;
        }

        problems.Add(new(prefix + name, $"unknown value '{Shorten(s)}'; expected one of {names}"));
        return fallback;
    }

    private static LocalizedText? ReadText(JsonElement root, string name, string prefix, List<AnnouncementProblem> problems, int maxLength, bool required, bool multiline)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(new(prefix + name, "required: a string or {\"id\":\"…\",\"en\":\"…\"}"));
            }

            return null;
        }

        return ReadTextValue(e, prefix + name, problems, maxLength, multiline);
    }

    private static LocalizedText? ReadTextValue(JsonElement e, string field, List<AnnouncementProblem> problems, int maxLength, bool multiline)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            var id = CheckString(e.GetString()!, field, problems, maxLength, multiline);
            return id is null ? null : new LocalizedText(id);
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(field, $"expected a string or {{\"id\":\"…\",\"en\":\"…\"}}, got {Describe(e)}"));
            return null;
        }

        var before = problems.Count;
        Unknown(e, field, ["id", "en"], "a text has \"id\" (Indonesian) and optional \"en\"", problems);
        var idText = ReadString(e, "id", field, problems, (s, f) => CheckString(s, f, problems, maxLength, multiline));
        var enText = ReadString(e, "en", field, problems, (s, f) => CheckString(s, f, problems, maxLength, multiline));

        if (idText is null && problems.Count == before)
        {
            problems.Add(new(field + ".id", "required: the Indonesian text"));
        }

        return problems.Count == before && idText is not null ? new LocalizedText(idText, enText) : null;
    }

    /// <summary>Reads member <paramref name="name"/> of <paramref name="obj"/> as a string checked by <paramref name="check"/>; absent or null is null.</summary>
    private static string? ReadString(JsonElement obj, string name, string parent, List<AnnouncementProblem> problems, Func<string, string, string?> check)
    {
        var field = parent + "." + name;
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return check(value.GetString()!, field);
        }

        problems.Add(new(field, $"expected a string, got {Describe(value)}"));
        return null;
    }

    private static void Unknown(JsonElement obj, string parent, string[] known, string hint, List<AnnouncementProblem> problems)
    {
        foreach (var p in obj.EnumerateObject().Where(p => !known.Contains(p.Name)))
        {
            problems.Add(new(parent + "." + Shorten(p.Name), "unknown field; " + hint));
        }
    }

    private static string? CheckString(string raw, string field, List<AnnouncementProblem> problems, int maxLength, bool multiline)
    {
        var s = raw.Trim();
        if (s.Length == 0)
        {
            problems.Add(new(field, "must not be empty"));
            return null;
        }

        // Length in text elements (what a reader sees), not UTF-16 units.
        var length = new StringInfo(s).LengthInTextElements;
        if (length > maxLength)
        {
            problems.Add(new(field, $"is {length} characters long; at most {maxLength} are allowed"));
            return null;
        }

        foreach (var c in s)
        {
            if (char.IsControl(c) && !(multiline && c == '\n'))
            {
                problems.Add(new(field, multiline
                    ? $"contains control character U+{(int)c:X4}; only line breaks (\\n) are allowed"
                    : $"contains control character U+{(int)c:X4}; it must be a single line"));
                return null;
            }
        }

        return s;
    }

    private static QrTarget? ReadQr(JsonElement root, string prefix, List<AnnouncementProblem> problems)
    {
        if (!root.TryGetProperty("qr", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = prefix + "qr";
        string? url = null;
        if (e.ValueKind == JsonValueKind.String)
        {
            url = CheckUrl(e.GetString()!, field, problems);
            return url is null ? null : new QrTarget(url);
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(field, $"expected {{\"url\":\"https://…\",\"caption\":…}}, got {Describe(e)}"));
            return null;
        }

        var before = problems.Count;
        Unknown(e, field, ["url", "caption"], "a QR target has \"url\" and optional \"caption\"", problems);
        url = ReadString(e, "url", field, problems, (s, f) => CheckUrl(s, f, problems));
        var caption = e.TryGetProperty("caption", out var c) && c.ValueKind != JsonValueKind.Null
            ? ReadTextValue(c, field + ".caption", problems, AnnouncementLimits.MaxCaptionLength, multiline: false)
            : null;

        if (url is null && problems.Count == before)
        {
            problems.Add(new(field + ".url", "required: the link the code opens (https://…)"));
        }

        return problems.Count == before && url is not null ? new QrTarget(url, caption) : null;
    }

    private static string? CheckUrl(string raw, string field, List<AnnouncementProblem> problems)
    {
        var s = raw.Trim();
        if (s.Length == 0)
        {
            problems.Add(new(field, "must not be empty"));
            return null;
        }

        if (s.Length > AnnouncementLimits.MaxUrlLength)
        {
            problems.Add(new(field, $"is {s.Length} characters long; at most {AnnouncementLimits.MaxUrlLength} are allowed so the code stays scannable"));
            return null;
        }

        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http" or "tel" or "mailto")
            || s.Any(char.IsWhiteSpace))
        {
            problems.Add(new(field, $"'{Shorten(s)}' is not an absolute https://, http://, tel: or mailto: link"));
            return null;
        }

        return s;
    }

    private static OffsetDateTime? ReadInstant(JsonElement root, string name, string prefix, List<AnnouncementProblem> problems)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (e.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(prefix + name, $"expected {IsoTime.Expected}, got {Describe(e)}"));
            return null;
        }

        var s = e.GetString()!;
        if (!IsoTime.TryParse(s, out var parsed))
        {
            problems.Add(new(prefix + name, $"'{Shorten(s)}' is not {IsoTime.Expected}"));
            return null;
        }

        return parsed;
    }

    private static string? ReadWhen(JsonElement root, string prefix, List<AnnouncementProblem> problems, IWhenEvaluator? evaluator)
    {
        if (!root.TryGetProperty("when", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var field = prefix + "when";
        if (e.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(field, $"expected an opening_hours expression string, got {Describe(e)}"));
            return null;
        }

        var s = e.GetString()!.Trim();
        if (s.Length == 0)
        {
            problems.Add(new(field, "must not be empty; leave it out to show the item at any time"));
            return null;
        }

        if (s.Length > AnnouncementLimits.MaxWhenLength)
        {
            problems.Add(new(field, $"is {s.Length} characters long; at most {AnnouncementLimits.MaxWhenLength} are allowed"));
            return null;
        }

        var error = evaluator?.Validate(s);
        if (error is not null)
        {
            problems.Add(new(field, $"not a valid opening_hours expression: {error}"));
            return null;
        }

        return s;
    }

    private static int ReadSeconds(JsonElement root, string prefix, List<AnnouncementProblem> problems)
    {
        if (!root.TryGetProperty("seconds", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return AnnouncementLimits.DefaultSeconds;
        }

        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var seconds))
        {
            problems.Add(new(prefix + "seconds", $"expected a whole number of seconds ({AnnouncementLimits.MinSeconds}-{AnnouncementLimits.MaxSeconds}), got {Describe(e)}"));
            return AnnouncementLimits.DefaultSeconds;
        }

        if (seconds is < AnnouncementLimits.MinSeconds or > AnnouncementLimits.MaxSeconds)
        {
            problems.Add(new(prefix + "seconds", $"{seconds} is out of range; use {AnnouncementLimits.MinSeconds}-{AnnouncementLimits.MaxSeconds}"));
            return AnnouncementLimits.DefaultSeconds;
        }

        return seconds;
    }

    private static IReadOnlyList<string> ReadScreens(JsonElement root, string prefix, List<AnnouncementProblem> problems)
    {
        if (!root.TryGetProperty("screens", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var field = prefix + "screens";
        if (e.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(field, $"expected an array of screen ids, got {Describe(e)}"));
            return [];
        }

        if (e.GetArrayLength() > AnnouncementLimits.MaxScreens)
        {
            problems.Add(new(field, $"has {e.GetArrayLength()} screens; at most {AnnouncementLimits.MaxScreens} are allowed (leave it out for every screen)"));
            return [];
        }

        var screens = new List<string>();
        var i = 0;
        foreach (var s in e.EnumerateArray())
        {
            if (s.ValueKind != JsonValueKind.String || !IsValidId(s.GetString()!))
            {
                problems.Add(new($"{field}[{i}]", "expected a screen id: 1-64 characters of a-z, 0-9, '-' or '_'"));
            }
            else if (!screens.Contains(s.GetString()!))
            {
                screens.Add(s.GetString()!);
            }

            i++;
        }

        return screens;
    }

    private static IReadOnlyList<ServiceEntry> ReadServices(JsonElement root, string prefix, List<AnnouncementProblem> problems)
    {
        if (!root.TryGetProperty("services", out var e) || e.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        var field = prefix + "services";
        if (e.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(field, $"expected an array of {{\"agency\":…}} entries, got {Describe(e)}"));
            return [];
        }

        var count = e.GetArrayLength();
        if (count > AnnouncementLimits.MaxServiceEntries)
        {
            problems.Add(new(field, $"has {count} entries; at most {AnnouncementLimits.MaxServiceEntries} fit one page (split the directory into several announcements)"));
            return [];
        }

        var entries = new List<ServiceEntry>();
        var i = 0;
        foreach (var entry in e.EnumerateArray())
        {
            var ef = $"{field}[{i}]";
            i++;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new(ef, $"expected an object, got {Describe(entry)}"));
                continue;
            }

            var before = problems.Count;
            Unknown(entry, ef, ["agency", "counter", "services", "requirements"], "an entry has agency, counter, services, requirements", problems);
            var agency = ReadString(entry, "agency", ef, problems, (s, f) => CheckString(s, f, problems, AnnouncementLimits.MaxAgencyLength, multiline: false));
            var counter = ReadString(entry, "counter", ef, problems, (s, f) => CheckString(s, f, problems, AnnouncementLimits.MaxCounterLength, multiline: false));
            var services = entry.TryGetProperty("services", out var sv) ? ReadStringList(sv, ef + ".services", problems) : [];
            var requirements = entry.TryGetProperty("requirements", out var rq) ? ReadStringList(rq, ef + ".requirements", problems) : [];

            if (agency is null && problems.Count == before)
            {
                problems.Add(new(ef + ".agency", "required: the agency name"));
            }

            if (problems.Count == before && agency is not null)
            {
                entries.Add(new ServiceEntry(agency, counter, services, requirements));
            }
        }

        return entries;
    }

    private static IReadOnlyList<string> ReadStringList(JsonElement e, string field, List<AnnouncementProblem> problems)
    {
        if (e.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (e.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(field, $"expected an array of strings, got {Describe(e)}"));
            return [];
        }

        if (e.GetArrayLength() > AnnouncementLimits.MaxListItems)
        {
            problems.Add(new(field, $"has {e.GetArrayLength()} items; at most {AnnouncementLimits.MaxListItems} are allowed"));
            return [];
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            var itemField = $"{field}[{i++}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                problems.Add(new(itemField, $"expected a string, got {Describe(item)}"));
            }
            else if (CheckString(item.GetString()!, itemField, problems, AnnouncementLimits.MaxListItemLength, multiline: false) is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    private static JsonDocument? Open(ReadOnlySpan<byte> utf8, JsonInputRules rules, List<AnnouncementProblem> problems)
    {
        var found = new List<WireProblem>();
        var doc = WireJson.Open(utf8, rules, found);
        problems.AddRange(found.Select(p => new AnnouncementProblem(p.Path, p.Reason)));
        return doc;
    }

    private static string Describe(JsonElement e) => WireJson.Describe(e);

    private static string Shorten(string s) => WireJson.Shorten(s);
}
