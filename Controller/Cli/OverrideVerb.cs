using System.CommandLine;
using System.Text.Json;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Wire;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Controller.Cli;

/// <summary>
/// <c>mpp-controller override open|closed|auto [--until T] [--reason R]</c>: sends an override command,
/// waits for the controller's result on a private response topic and prints it.
/// Exit codes: 0 accepted, 1 refused (by the controller or the broker) or no answer, 2 bad arguments.
/// </summary>
public static class OverrideVerb
{
    /// <summary>The <c>override</c> command.</summary>
    public static Command Create() => Create(Console.Out, Console.Error);

    /// <summary>For tests: output and error writers are passed in.</summary>
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var state = new Argument<string>("state") { Description = "open, closed or auto" };
        state.AcceptOnlyFromAmong("open", "closed", "auto");
        var until = new Option<string>("--until") { Description = "end: ISO 8601 with offset (2024-07-01T15:00:00+07:00), local HH:mm (next occurrence), or +90m / +2h; default: open outside hours for Door:DefaultOpenOverrideMinutes (never past midnight), otherwise the next scheduled change" };
        var reason = new Option<string>("--reason") { Description = "why (recorded in the audit trail)" };
        var cmd = new Command("override", "Override the door (staff/admin) and print the controller's answer.") { state, until, reason };
        CliSettings.AddTo(cmd);
        cmd.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(state)!, parse.GetValue(until), parse.GetValue(reason), output, error, ct));
        return cmd;
    }

    internal static async Task<int> RunAsync(ParseResult parse, string state, string? untilText, string? reason, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (settings, problem) = CliSettings.From(parse);
        if (settings is null)
        {
            error.WriteLine($"override: {problem}");
            return 2;
        }

        OffsetDateTime? until = null;
        if (untilText is not null)
        {
            if (state == "auto")
            {
                error.WriteLine("override: --until is not used with auto");
                return 2;
            }

            var now = SystemClock();
            var parsed = ParseUntil(untilText, settings.Zone, now);
            if (parsed is null)
            {
                error.WriteLine($"override: --until '{untilText}' is not a time: use 2024-07-01T15:00:00+07:00, 15:00 or +2h");
                return 2;
            }

            until = parsed.Value.InZone(settings.Zone).ToOffsetDateTime();
            if (Understood(untilText, parsed.Value, settings.Zone, now) is { } note)
            {
                error.WriteLine($"override: {note}");
            }
        }

        if (reason is { Length: > CommandLimits.MaxReasonLength })
        {
            error.WriteLine($"override: --reason is {reason.Length} characters; at most {CommandLimits.MaxReasonLength}");
            return 2;
        }

        var success = $"override {state}{(until is null ? state == "auto" ? "" : " until its default end (status shows it)" : $" until {IsoTime.Format(until.Value)}")}";
        return await CliCommand.SendAsync(settings, "override", t => t.OverrideSet, Payload(state, until, reason), success, null, output, error, ct);
    }

    /// <summary>ISO with offset, local <c>HH:mm</c> (next occurrence in <paramref name="zone"/>), or <c>+90m</c>/<c>+2h</c>.</summary>
    internal static Instant? ParseUntil(string text, DateTimeZone zone, Instant now)
    {
        text = text.Trim();
        if (IsoTime.Parse(text) is { } iso)
        {
            return iso;
        }

        if (text.StartsWith('+') && text.Length > 2 && double.TryParse(text[1..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            return text[^1] switch
            {
                'm' => now + Duration.FromMinutes(amount),
                'h' => now + Duration.FromHours(amount),
                _ => null,
            };
        }

        var local = LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse(text.Replace('.', ':'));
        if (local.Success)
        {
            var today = now.InZone(zone).Date;
            var candidate = zone.AtLeniently(today + local.Value).ToInstant();
            return candidate > now ? candidate : zone.AtLeniently(today.PlusDays(1) + local.Value).ToInstant();
        }

        return null;
    }

    /// <summary>
    /// For a local or relative <c>--until</c>: the instant it was taken as, in site time with its offset, and
    /// "tomorrow" when a clock time already past today rolled over (null for a full ISO instant).
    /// </summary>
    internal static string? Understood(string text, Instant until, DateTimeZone zone, Instant now)
    {
        text = text.Trim();
        if (IsoTime.Parse(text) is not null)
        {
            return null;
        }

        var day = Period.Between(now.InZone(zone).Date, until.InZone(zone).Date, PeriodUnits.Days).Days;
        var when = day switch { 0 => "today", 1 => "tomorrow", _ => $"in {day} days" };
        return $"--until {text} understood as {IsoTime.Format(until, zone)} ({when}; now is {IsoTime.Format(now, zone)})";
    }

    private static Instant SystemClock() => Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow());

    // The argument accepts only open, closed and auto.
    private static byte[] Payload(string state, OffsetDateTime? until, string? reason) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new OverrideSetPayload { State = WireName.TryParse<OverrideTarget>(state, out var target) ? target : OverrideTarget.Auto, Until = until, Reason = reason },
            MqttJsonContext.Wire.OverrideSetPayload);
}
