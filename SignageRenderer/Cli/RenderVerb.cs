using System.CommandLine;
using System.Text;
using System.Text.Json;
using MppSignage.MqttHost;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Schedule;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Output;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Service;
using MppSignage.SignageRenderer.Text;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.SignageRenderer.Cli;

/// <summary>
/// <c>render</c>: draws one slide for an instant to a PNG file, without a broker. When no status file is
/// given, the status is what the controller would publish for the schedule at that instant.
/// </summary>
public static class RenderVerb
{
    /// <summary>The <c>render</c> command.</summary>
    public static Command Create()
    {
        var schedule = new Option<string>("--schedule") { Description = "Schedule document (JSON), e.g. deploy-pi/config/schedule.json.", Required = true };
        var announcements = new Option<string?>("--announcements") { Description = "Announcement list: {\"items\":[…]} as retained on mpp/{site}/announcements, or a bare array." };
        var status = new Option<string?>("--status") { Description = "Status message (JSON) as retained on mpp/{site}/status; default: computed from the schedule." };
        var at = new Option<string>("--at") { Description = "The instant, ISO 8601: 2024-07-01T13:35:00+07:00 (without offset: site time).", Required = true };
        var slide = new Option<string>("--slide") { Description = "status | hours | qr | services | announcement:<id>", DefaultValueFactory = _ => "status" };
        var size = new Option<string>("--size") { Description = "WIDTHxHEIGHT: 1920x1080 (landscape) or 1080x1920 (portrait).", DefaultValueFactory = _ => "1920x1080" };
        var output = new Option<string?>("--out") { Description = $"PNG file to write (replaced atomically); default {DefaultOutDirectory}/<slide>-<date>-<time>-<size>.png (ignored by git)." };
        var font = new Option<string?>("--font") { Description = "Font family or file (default Display:Font)." };
        var language = new Option<string?>("--language") { Description = "id or id+en (default Display:Language)." };
        var stale = new Option<bool>("--stale") { Description = "Show the 'may be out of date' badge (as when the controller is offline)." };
        var image = new Option<string?>("--image") { Description = "Poster (JPEG or PNG) for the kind image items of --announcements, processed as the controller does, so --slide announcement:<id> previews the poster." };
        var command = new Command("render", "Render one slide at an instant to a PNG file (no broker needed).")
        {
            schedule, announcements, status, at, slide, size, output, font, language, stale, image,
        };
        command.SetAction(parse => Execute(new Request(
            parse.GetValue(schedule)!,
            parse.GetValue(announcements),
            parse.GetValue(status),
            parse.GetValue(at)!,
            parse.GetValue(slide)!,
            parse.GetValue(size)!,
            parse.GetValue(output),
            parse.GetValue(font),
            parse.GetValue(language),
            parse.GetValue(stale),
            parse.GetValue(image),
            ConfigurationOverrides.From(parse)), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Where previews go without <c>--out</c>: under <c>.local/</c>, which git ignores, never the working tree.</summary>
    public const string DefaultOutDirectory = ".local/previews";

    /// <summary>The default file for a preview: <c>.local/previews/status-20240704-1335-1920x1080.png</c>.</summary>
    public static string DefaultOut(SlideRef slide, LocalDateTime at, ScreenGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(slide);
        var name = slide.Kind == SlideKind.Announcement ? $"announcement-{slide.AnnouncementId}" : slide.ToString();
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return Path.Combine(DefaultOutDirectory, $"{safe}-{at.ToString("uuuuMMdd'-'HHmm", System.Globalization.CultureInfo.InvariantCulture)}-{geometry}.png");
    }

    /// <summary>Runs a render request; 0 on success, 2 with a message naming the option on bad input.</summary>
    public static int Execute(Request request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return Render(request, stdout);
        }
        catch (RenderArgumentException ex)
        {
            stderr.WriteLine($"mpp-signage render: {ex.Message}");
            return 2;
        }
    }

    private static int Render(Request r, TextWriter stdout)
    {
        // The same --Section:Key=value overrides as the service (e.g. --Site:Logo, --Theme:Background); the verb's own
        // options come after them and win.
        var overrides = new List<string>(r.Config ?? []);
        if (r.Font is not null)
        {
            overrides.Add($"--Display:Font={r.Font}");
        }

        if (r.Language is not null)
        {
            overrides.Add($"--Display:Language={r.Language}");
        }

        var geometry = ScreenGeometry.TryParse(r.Size)
            ?? throw new RenderArgumentException($"--size: '{r.Size}' is not WIDTHxHEIGHT between 320x240 and 8192x8192; use 1920x1080 or 1080x1920.");
        overrides.Add($"--Display:Size={geometry}");
        var options = SignageOptions.Load(SignageConfiguration.Build(overrides), out var problems);
        if (options is null)
        {
            var named = problems.Select(p => p.StartsWith("Display:Font", StringComparison.Ordinal) && r.Font is not null ? "--font" + p["Display:Font".Length..]
                : p.StartsWith("Display:Language", StringComparison.Ordinal) && r.Language is not null ? "--language" + p["Display:Language".Length..]
                : p);
            throw new RenderArgumentException(string.Join(Environment.NewLine, named));
        }

        var schedule = LoadSchedule(r.Schedule);
        var at = ParseAt(r.At, schedule.Zone);
        var items = r.Announcements is null ? [] : LoadAnnouncements(r.Announcements);
        var poster = r.Image is null ? null : LoadPoster(r.Image, options.Posters.MaxAssetMegabytes);
        if (poster is not null)
        {
            // The image stands in for the asset every poster of the file names, as the controller would publish it.
            if (!items.Any(a => a.Kind == AnnouncementKind.Image))
            {
                throw new RenderArgumentException("--image: needs --announcements with an item of kind \"image\" to show it.");
            }

            items = [.. items.Select(a => a.Image is { } i ? a with { Image = i with { Sha256 = poster.Sha256 } } : a)];
        }

        var statusMessage = r.Status is null ? ScheduleStatus.Compute(schedule, at) : LoadStatus(r.Status);
        var snapshot = new SignageSnapshot(statusMessage, schedule, items, r.Stale ? at - Duration.FromMinutes(10) : null, 1);
        options.Display.StaleAfter = TimeSpan.FromMinutes(5);
        var slideRef = ParseSlide(r.Slide, items, r.Announcements);
        string outPath;
        if (!FontSet.TryLoad(options.Display.FontName(), r.Font is null ? "Display:Font" : "--font", out var fonts, out var fontError))
        {
            throw new RenderArgumentException(fontError!);
        }

        if (!SignageLook.TryLoadLogo(options, out var logo, out var logoError))
        {
            fonts!.Dispose();
            throw new RenderArgumentException(logoError!);
        }

        var posterDir = poster is null ? null : Directory.CreateTempSubdirectory("mpp-render-poster-").FullName;
        var posters = posterDir is null ? null : PreviewPosters(posterDir, poster!);
        try
        {
            using (logo)
            using (fonts)
            {
                using var fitter = new TextFitter(fonts!);
                var layouter = SignageLook.Layouter(fitter, options, logo, posters);
                var composer = new SlideComposer(Microsoft.Extensions.Options.Options.Create(options)) { ServicesPerPage = layouter.ServicesPerPage(geometry) };
                var model = composer.BuildSlide(slideRef, snapshot, at)
                    ?? throw new RenderArgumentException(slideRef.Kind == SlideKind.Qr
                        ? "--slide qr: no QR target configured; set Qr:WhatsAppNumber and/or Qr:ReviewUrl (appsettings.json, MPP_Qr__WhatsAppNumber)."
                        : $"--slide: '{r.Slide}' cannot be shown with the given files.");
                if (model is Shared.Signage.ServicesSlideModel { PageCount: var pages } && slideRef.Page >= pages)
                {
                    throw new RenderArgumentException($"--slide {r.Slide}: the directory has {pages} page(s) at {geometry}; pages are 1 to {pages}.");
                }

                var (footer, _, _) = composer.Footer(snapshot, at);
                outPath = r.Out ?? DefaultOut(slideRef, at.InZone(schedule.Zone).LocalDateTime, geometry);
                using var renderer = new FrameRenderer(geometry, layouter, new FramePainter(fitter));
                renderer.Render(model, footer, options.Site.HeaderName());
                var png = renderer.EncodePng();
                try
                {
                    var dir = Path.GetDirectoryName(Path.GetFullPath(outPath));
                    if (dir is not null)
                    {
                        Directory.CreateDirectory(dir);
                    }

                    AtomicFile.Write(outPath, png);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new RenderArgumentException($"--out: cannot write '{outPath}' ({ex.Message}).");
                }
            }
        }
        finally
        {
            posters?.Dispose();
            if (posterDir is not null)
            {
                Directory.Delete(posterDir, recursive: true);
            }
        }

        stdout.WriteLine($"{outPath}: {slideRef} at {at.InZone(schedule.Zone):uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>}, {geometry}, status {statusMessage.State}/{statusMessage.Phase}");
        return 0;
    }

    /// <summary>Reads and processes <c>--image</c> like the controller (Imaging): bounded before reading, refused with the field and reason.</summary>
    private static Imaging.ProcessedImage LoadPoster(string path, int maxMegabytes)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > (long)maxMegabytes << 20)
            {
                throw new RenderArgumentException($"--image: '{path}' is {length} bytes; a screen accepts at most {maxMegabytes} MB (Posters:MaxAssetMegabytes).");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RenderArgumentException($"--image: cannot read '{path}' ({ex.Message}).");
        }

        var result = Imaging.ImageProcessor.Process(bytes);
        return result.Image ?? throw new RenderArgumentException($"--image: '{path}' refused: {result.Refusal!.Field}: {result.Refusal.Reason}.");
    }

    /// <summary>A poster cache + decoded library in <paramref name="dir"/> holding <paramref name="poster"/>: the screen's own way to its pixels.</summary>
    private static Posters.PosterLibrary PreviewPosters(string dir, Imaging.ProcessedImage poster)
    {
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var disk = new Posters.PosterAssetCache(dir, 64L << 20, 4, TimeProvider.System, logger);
        if (!disk.Put(poster.Sha256, poster.Bytes, new HashSet<string>()).Stored)
        {
            throw new InvalidOperationException("The processed poster could not be kept for the preview.");
        }

        return new Posters.PosterLibrary(disk, 2, logger);
    }

    private static Schedule LoadSchedule(string path)
    {
        if (!File.Exists(path))
        {
            throw new RenderArgumentException($"--schedule: file '{path}' does not exist.");
        }

        var result = ScheduleLoader.LoadFile(path);
        if (result.Schedule is null)
        {
            throw new RenderArgumentException($"--schedule: '{path}' is not a valid schedule:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", result.Problems));
        }

        return result.Schedule;
    }

    private static Instant ParseAt(string text, DateTimeZone zone)
    {
        if (IsoTime.Parse(text) is { } instant)
        {
            return instant;
        }

        foreach (var pattern in LocalPatterns)
        {
            var local = pattern.Parse(text);
            if (local.Success)
            {
                return local.Value.InZoneLeniently(zone).ToInstant();
            }
        }

        throw new RenderArgumentException($"--at: '{text}' is not an ISO 8601 time such as 2024-07-01T13:35:00+07:00 (or 2024-07-01T13:35 in site time).");
    }

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    private static IReadOnlyList<Announcement> LoadAnnouncements(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RenderArgumentException($"--announcements: cannot read '{path}' ({ex.Message}).");
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('['))
        {
            // A bare array is accepted for hand-written files.
            bytes = Encoding.UTF8.GetBytes("{\"items\":" + text + "}");
        }

        var result = AnnouncementJson.ParseList(bytes, new OpeningHoursWhenEvaluator());
        if (result.Problems.Count > 0)
        {
            throw new RenderArgumentException($"--announcements: '{path}' has problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", result.Problems));
        }

        return result.Items;
    }

    private static StatusMessage LoadStatus(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), MqttJsonContext.Wire.StatusMessage)
                ?? throw new RenderArgumentException($"--status: '{path}' contains null.");
        }
        catch (JsonException ex)
        {
            throw new RenderArgumentException($"--status: '{path}' is not a status message ({ex.Message}).");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RenderArgumentException($"--status: cannot read '{path}' ({ex.Message}).");
        }
    }

    private static SlideRef ParseSlide(string text, IReadOnlyList<Announcement> items, string? file)
    {
        // A page of a directory: services/2 or announcement:<id>/2 (as the log names slides).
        var slash = text.LastIndexOf('/');
        if (slash > 0 && (text.StartsWith("services/", StringComparison.Ordinal) || text.StartsWith("announcement:", StringComparison.Ordinal)))
        {
            if (!int.TryParse(text.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) || page < 1 || page > AnnouncementLimits.MaxServiceEntries)
            {
                throw new RenderArgumentException($"--slide: '{text}' names no page; write services/2 or announcement:<id>/2 (pages from 1).");
            }

            return ParseSlide(text[..slash], items, file) with { Page = page - 1 };
        }

        switch (text)
        {
            case "status": return SlideRef.Status;
            case "hours": return SlideRef.Hours;
            case "qr": return SlideRef.Qr;
            case "services":
                return items.FirstOrDefault(a => a.Kind == AnnouncementKind.Services) is { } s
                    ? SlideRef.ForAnnouncement(s.Id)
                    : throw new RenderArgumentException(file is null
                        ? "--slide services: needs --announcements with an item of kind \"services\"."
                        : $"--slide services: '{file}' has no item of kind \"services\".");
        }

        if (text.StartsWith("announcement:", StringComparison.Ordinal))
        {
            var id = text["announcement:".Length..];
            if (file is null)
            {
                throw new RenderArgumentException($"--slide {text}: needs --announcements FILE.");
            }

            return items.Any(a => a.Id == id)
                ? SlideRef.ForAnnouncement(id)
                : throw new RenderArgumentException($"--slide: no announcement '{id}' in '{file}' (ids: {string.Join(", ", items.Select(a => a.Id))}).");
        }

        throw new RenderArgumentException($"--slide: '{text}' is not a slide; use status, hours, qr, services or announcement:<id>.");
    }

    /// <summary>The options of one render.</summary>
    /// <param name="Schedule">--schedule.</param>
    /// <param name="Announcements">--announcements.</param>
    /// <param name="Status">--status.</param>
    /// <param name="At">--at.</param>
    /// <param name="Slide">--slide.</param>
    /// <param name="Size">--size.</param>
    /// <param name="Out">--out.</param>
    /// <param name="Font">--font.</param>
    /// <param name="Language">--language.</param>
    /// <param name="Stale">--stale.</param>
    /// <param name="Image">--image.</param>
    /// <param name="Config">The <c>--Section:Key=value</c> configuration overrides (as the service takes them), or null.</param>
    public sealed record Request(string Schedule, string? Announcements, string? Status, string At, string Slide, string Size, string? Out, string? Font = null, string? Language = null, bool Stale = false, string? Image = null, IReadOnlyList<string>? Config = null);

    private sealed class RenderArgumentException(string message) : Exception(message);
}
