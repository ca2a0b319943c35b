using System.CommandLine;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Wire;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>
/// <c>mpp-controller announce add|remove|list</c> for admins: sends announcement commands (checked locally
/// first with the same validation the controller applies), waits for the controller's answer, or prints the
/// retained list. Exit codes: 0 done, 1 refused or no answer, 2 bad arguments.
/// </summary>
public static class AnnounceVerb
{
    /// <summary>The <c>announce</c> command.</summary>
    public static Command Create() => Create(Console.Out, Console.Error);

    /// <summary>For tests: output and error writers are passed in.</summary>
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("announce", "Manage the site's announcements on the signage (admin).");
        command.Subcommands.Add(Add(output, error));
        command.Subcommands.Add(Remove(output, error));
        command.Subcommands.Add(List(output, error));
        return command;
    }

    private static Command Add(TextWriter output, TextWriter error)
    {
        var file = new Option<string>("--file") { Description = "a whole announcement as JSON (see docs/signage.md); the other options are then not used" };
        var id = new Option<string>("--id") { Description = "unique id (a-z, 0-9, '-', '_'); an existing id is replaced" };
        var kind = new Option<string>("--kind") { Description = "text (default), qr, services or image (the default with --image)" };
        var image = new Option<string>("--image") { Description = "a poster (JPEG or PNG): uploaded to the controller first, then announced as kind image; --id defaults to poster-<first 12 digits of its sha256>" };
        var fit = new Option<string>("--fit") { Description = "with --image: contain (default: the whole poster) or cover (fills the screen, edges cut)" };
        var background = new Option<string>("--background") { Description = "with --image and contain: auto (default: the poster's edge colour), theme or #rrggbb" };
        var title = new Option<string>("--title") { Description = "title in Indonesian" };
        var titleEn = new Option<string>("--title-en") { Description = "title in English (second line)" };
        var body = new Option<string>("--body") { Description = "body in Indonesian" };
        var bodyEn = new Option<string>("--body-en") { Description = "body in English" };
        var qr = new Option<string>("--qr") { Description = "link shown as a QR code (https://…)" };
        var priority = new Option<string>("--priority") { Description = "normal (default), high or emergency (takes over every screen)" };
        var from = new Option<string>("--from") { Description = "shown from (ISO 8601 with offset)" };
        var until = new Option<string>("--until") { Description = "shown until (ISO 8601 with offset)" };
        var when = new Option<string>("--when") { Description = "opening_hours expression: shown only then, e.g. \"Mo-Th 08:00-14:00\"" };
        var seconds = new Option<int?>("--seconds") { Description = "display seconds (3-120, default 10)" };
        var screens = new Option<string[]>("--screen") { Description = "target screen id (repeat for several; default every screen)", AllowMultipleArgumentsPerToken = false };
        var all = new Option<bool>("--all") { Description = "broadcast to every site (mpp/all/announcements/set)" };
        var cmd = new Command("add", "Add or replace an announcement.") { file, id, kind, image, fit, background, title, titleEn, body, bodyEn, qr, priority, from, until, when, seconds, screens, all };
        CliSettings.AddTo(cmd);
        cmd.SetAction((parse, ct) =>
        {
            if (parse.GetValue(image) is { } imagePath)
            {
                return AddPosterAsync(parse, imagePath, parse.GetValue(file) is not null, parse.GetValue(id), parse.GetValue(kind), parse.GetValue(fit), parse.GetValue(background),
                    parse.GetValue(all), (i, k, poster) => Build(i, k, parse.GetValue(title), parse.GetValue(titleEn), parse.GetValue(body), parse.GetValue(bodyEn),
                        parse.GetValue(qr), parse.GetValue(priority), parse.GetValue(from), parse.GetValue(until), parse.GetValue(when), parse.GetValue(seconds), parse.GetValue(screens), poster),
                    output, error, ct);
            }

            if (parse.GetValue(fit) is not null || parse.GetValue(background) is not null)
            {
                error.WriteLine("announce add: --fit and --background go with --image");
                return Task.FromResult(2);
            }

            byte[] payload;
            var path = parse.GetValue(file);
            if (path is not null)
            {
                try
                {
                    payload = File.ReadAllBytes(path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine($"announce add: --file: cannot read '{path}' ({ex.Message})");
                    return Task.FromResult(2);
                }
            }
            else
            {
                var (built, problem) = Build(parse.GetValue(id), parse.GetValue(kind) ?? "text", parse.GetValue(title), parse.GetValue(titleEn), parse.GetValue(body), parse.GetValue(bodyEn),
                    parse.GetValue(qr), parse.GetValue(priority), parse.GetValue(from), parse.GetValue(until), parse.GetValue(when), parse.GetValue(seconds), parse.GetValue(screens), null);
                if (built is null)
                {
                    error.WriteLine($"announce add: {problem}");
                    return Task.FromResult(2);
                }

                payload = built;
            }

            // The same validation as the controller: a typo is reported here, naming the option.
            var check = AnnouncementJson.ParseAnnouncement(payload, new OpeningHoursWhenEvaluator());
            if (!check.Ok)
            {
                foreach (var p in check.Problems)
                {
                    error.WriteLine($"announce add: {(path is null ? OptionFor(p.Field) : $"--file {path}: {p.Field}")}: {p.Reason}");
                }

                return Task.FromResult(2);
            }

            return SendAsync(parse, "add", parse.GetValue(all) ? Topics.BroadcastAnnouncementsSet : null, t => t.AnnouncementsSet, payload,
                $"announcement '{check.Announcement!.Id}' set", output, error, ct);
        });
        return cmd;
    }

    /// <summary>
    /// <c>announce add --image FILE</c>: checks the options and the file's header here (the same rules as the controller),
    /// uploads the file on <c>uploads/put</c>, then publishes the announcement naming the asset the controller answered
    /// with, over one connection. Exit 0 when both were accepted, 1 when either was refused, 2 for bad options.
    /// </summary>
    private static async Task<int> AddPosterAsync(
        ParseResult parse, string imagePath, bool withFile, string? id, string? kind, string? fit, string? background, bool all,
        Func<string?, string, PosterImage, (byte[]? Payload, string? Problem)> build, TextWriter output, TextWriter error, CancellationToken ct)
    {
        const string label = "announce add";
        if (withFile)
        {
            error.WriteLine($"{label}: --image and --file do not go together (put \"image\":{{\"sha256\":…}} in the file instead)");
            return 2;
        }

        if (kind is not null && kind != WireName.Of(AnnouncementKind.Image))
        {
            error.WriteLine($"{label}: --kind: a poster is kind image, not '{WireJson.Shorten(kind)}'");
            return 2;
        }

        var fitValue = PosterFit.Contain;
        if (fit is not null && !WireName.TryParse(fit, out fitValue))
        {
            error.WriteLine($"{label}: --fit: unknown value '{WireJson.Shorten(fit)}'; expected one of {WireName.List<PosterFit>()}");
            return 2;
        }

        // Checked with a stand-in asset id first, so a typo in another option costs no upload.
        var placeholder = new string('0', 64);
        PosterImage Poster(string sha) => new(sha, fitValue, background ?? PosterImage.AutoBackground);
        var (draft, buildProblem) = build(id ?? "poster-" + placeholder[..12], WireName.Of(AnnouncementKind.Image), Poster(placeholder));
        if (draft is null)
        {
            error.WriteLine($"{label}: {buildProblem}");
            return 2;
        }

        var check = AnnouncementJson.ParseAnnouncement(draft, new OpeningHoursWhenEvaluator());
        if (!check.Ok)
        {
            foreach (var p in check.Problems)
            {
                error.WriteLine($"{label}: {OptionFor(p.Field)}: {p.Reason}");
            }

            return 2;
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(imagePath, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{label}: --image: cannot read '{imagePath}' ({ex.Message})");
            return 2;
        }

        // The header alone (no pixels): SVG, a bomb or not an image is refused before anything is sent.
        if (Imaging.ImageProbe.Probe(bytes).Refusal is { } local)
        {
            error.WriteLine($"refused: --image {imagePath}: {local.Field}: {local.Reason}");
            return 1;
        }

        var (settings, problem) = CliSettings.From(parse);
        if (settings is null)
        {
            error.WriteLine($"{label}: {problem}");
            return 2;
        }

        if (CliCommand.RefusesUser(settings, label, error))
        {
            return 2;
        }

        return await settings.WithBrokerAsync(label, error, CliCommand.NoAnswer(settings),
            async (client, topics, token) =>
            {
                var uploaded = await CliCommand.RequestAsync(client, topics, settings, label, topics.UploadsPut, bytes, "application/octet-stream", "uploads need an admin user", error, token);
                if (uploaded is null)
                {
                    return 1;
                }

                if (!uploaded.Ok || uploaded.Sha256 is not { } sha)
                {
                    error.WriteLine($"refused: --image {imagePath}: {uploaded.Field ?? "-"}: {uploaded.Error}");
                    return 1;
                }

                output.WriteLine($"ok: poster {sha} kept ({uploaded.Width}×{uploaded.Height}, {uploaded.Bytes} bytes; {uploaded.Note})");
                var announcementId = id ?? "poster-" + sha[..12];
                var (payload, _) = build(announcementId, WireName.Of(AnnouncementKind.Image), Poster(sha));
                var set = await CliCommand.RequestAsync(client, topics, settings, label, all ? Topics.BroadcastAnnouncementsSet : topics.AnnouncementsSet, payload!, "application/json", "announcements need an admin user", error, token);
                if (set is null)
                {
                    return 1;
                }

                if (!set.Ok)
                {
                    error.WriteLine($"refused: {set.Field ?? "-"}: {set.Error}");
                    return 1;
                }

                output.WriteLine($"ok: announcement '{announcementId}' set");
                return 0;
            }, ct);
    }

    private static Command Remove(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "the announcement to delete" };
        var all = new Option<bool>("--all") { Description = "broadcast to every site (mpp/all/announcements/delete)" };
        var cmd = new Command("remove", "Delete an announcement.") { id, all };
        CliSettings.AddTo(cmd);
        cmd.SetAction((parse, ct) =>
        {
            var value = parse.GetValue(id)!;
            if (!AnnouncementJson.IsValidId(value))
            {
                error.WriteLine($"announce remove: id '{value}' is not an announcement id (a-z, 0-9, '-', '_')");
                return Task.FromResult(2);
            }

            var payload = AnnouncementJson.SerializeDelete(value);
            return SendAsync(parse, "remove", parse.GetValue(all) ? Topics.BroadcastAnnouncementsDelete : null, t => t.AnnouncementsDelete, payload,
                $"announcement '{value}' deleted", output, error, ct);
        });
        return cmd;
    }

    private static Command List(TextWriter output, TextWriter error)
    {
        var cmd = new Command("list", "Print the announcements in force (the retained list).");
        CliSettings.AddTo(cmd);
        cmd.SetAction(async (parse, ct) =>
        {
            var (settings, problem) = CliSettings.From(parse);
            if (settings is null)
            {
                error.WriteLine($"announce list: {problem}");
                return 2;
            }

            return await settings.WithBrokerAsync("announce list", error,
                topics => $"nothing retained on {topics.Announcements} within {settings.Timeout.TotalSeconds:0} s (is the controller running?)",
                async (client, topics, token) =>
                {
                    if (await settings.ReadRetainedAsync(client, topics.Announcements, [], "announce list", error, token) is not { } read)
                    {
                        return 1;
                    }

                    var list = AnnouncementJson.ParseList(read.Payload!);
                    if (list.Items.Count == 0)
                    {
                        output.WriteLine("no announcements");
                    }

                    foreach (var a in list.Items)
                    {
                        var window = a.From is null && a.Until is null ? "always" : $"{a.From?.ToString("uuuu-MM-dd HH:mm", null) ?? "…"} – {a.Until?.ToString("uuuu-MM-dd HH:mm", null) ?? "…"}";
                        var targets = a.Screens.Count == 0 ? "all screens" : string.Join(",", a.Screens);
                        output.WriteLine($"{a.Id}\t{WireName.Of(a.Kind)}\t{WireName.Of(a.Priority)}\t{window}\t{targets}\t{a.Title?.Id ?? (a.Image is { } image ? "poster " + image.Sha256[..12] : "")}");
                    }

                    return 0;
                }, ct);
        });
        return cmd;
    }

    /// <summary>Sends a command with a private response topic and prints the controller's answer.</summary>
    private static Task<int> SendAsync(ParseResult parse, string verb, string? broadcastTopic, Func<Topics, string> siteTopic, byte[] payload, string success, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (settings, problem) = CliSettings.From(parse);
        if (settings is null)
        {
            error.WriteLine($"announce {verb}: {problem}");
            return Task.FromResult(2);
        }

        return CliCommand.SendAsync(settings, $"announce {verb}", t => broadcastTopic ?? siteTopic(t), payload, success, "announcements need an admin user", output, error, ct);
    }

    /// <summary>The payload of the options, written by the one announcement writer; a value that is not even of its type is reported naming the option.</summary>
    private static (byte[]? Payload, string? Problem) Build(string? id, string kind, string? title, string? titleEn, string? body, string? bodyEn, string? qr, string? priority, string? from, string? until, string? when, int? seconds, string[]? screens, PosterImage? image)
    {
        if (!WireName.TryParse<AnnouncementKind>(kind, out var kindValue))
        {
            return (null, $"--kind: unknown value '{WireJson.Shorten(kind)}'; expected one of {WireName.List<AnnouncementKind>()}");
        }

        AnnouncementPriority? priorityValue = null;
        if (priority is not null)
        {
            if (!WireName.TryParse<AnnouncementPriority>(priority, out var p))
            {
                return (null, $"--priority: unknown value '{WireJson.Shorten(priority)}'; expected one of {WireName.List<AnnouncementPriority>()}");
            }

            priorityValue = p;
        }

        var problems = new[]
        {
            InstantOption("--from", from, out var fromValue),
            InstantOption("--until", until, out var untilValue),
            TextOption("--title", title, titleEn, out var titleText),
            TextOption("--body", body, bodyEn, out var bodyText),
        };
        if (problems.FirstOrDefault(p => p is not null) is { } problem)
        {
            return (null, problem);
        }

        return (AnnouncementJson.Serialize(new AnnouncementPayload
        {
            Id = id,
            Kind = kindValue,
            Title = titleText,
            Body = bodyText,
            Qr = qr is null ? null : new QrTarget(qr),
            Priority = priorityValue,
            From = fromValue,
            Until = untilValue,
            When = when,
            Seconds = seconds,
            Screens = screens is { Length: > 0 } ? screens : null,
            Image = image,
        }), null);
    }

    private static string? InstantOption(string option, string? text, out OffsetDateTime? value)
    {
        value = null;
        if (text is null)
        {
            return null;
        }

        if (!IsoTime.TryParse(text, out var parsed))
        {
            return $"{option}: '{WireJson.Shorten(text)}' is not {IsoTime.Expected}";
        }

        value = parsed;
        return null;
    }

    private static string? TextOption(string option, string? id, string? en, out LocalizedText? value)
    {
        value = id is null ? null : new LocalizedText(id, en);
        return id is null && en is not null ? $"{option}: required with {option}-en (the Indonesian text comes first)" : null;
    }

    /// <summary>The option that carries a payload field, for messages.</summary>
    private static string OptionFor(string field) => field switch
    {
        "title" or "title.id" => "--title",
        "title.en" => "--title-en",
        "body" or "body.id" => "--body",
        "body.en" => "--body-en",
        "qr" or "qr.url" => "--qr",
        "image.fit" => "--fit",
        "image.background" => "--background",
        _ when field.StartsWith("image", StringComparison.Ordinal) => "--image",
        _ when field.StartsWith("screens", StringComparison.Ordinal) => "--screen",
        "$" => "payload",
        _ => "--" + field,
    };
}
