using System.Text.Json;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Live;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Panel.Pages;

/// <summary>
/// Override (staff, admin): open / closed / back to automatic, until a time today, +30 min, +1 h, +2 h
/// or the next scheduled change, with a reason; a confirmation step; then the controller's own answer.
/// </summary>
public sealed class OverrideModel(IOptions<PanelOptions> options, TimeProvider time, UiText t, ILogger<OverrideModel> logger) : PanelPageModel(t)
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    /// <summary><c>open</c>, <c>closed</c>, <c>auto</c>.</summary>
    public string? State { get; private set; }

    /// <summary><c>next</c>, <c>30</c>, <c>60</c>, <c>120</c> or <c>time</c>.</summary>
    public string? Until { get; private set; }

    /// <summary>HH:mm today when <see cref="Until"/> is <c>time</c>.</summary>
    public string? Time { get; private set; }

    /// <summary>Why.</summary>
    public string? Reason { get; private set; }

    /// <summary>Field → problem.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>True on the confirmation step.</summary>
    public bool Confirming { get; private set; }

    /// <summary>The command in words.</summary>
    public string? Summary { get; private set; }

    /// <summary>True accepted, false refused, null not sent.</summary>
    public bool? ResultOk { get; private set; }

    /// <summary>The refusal text (controller's, or why nothing was sent).</summary>
    public string? ResultText { get; private set; }

    /// <summary>The door now.</summary>
    public StatusView View { get; private set; } = null!;

    private DateTimeZone Zone => DateTimeZoneProviders.Tzdb[options.Value.TimeZone];

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());

    /// <inheritdoc />
    public override string Title => T["ovr.title"];

    /// <summary>The form.</summary>
    public void OnGet() => Fill();

    /// <summary>Checks the form and shows the confirmation.</summary>
    public void OnPostReview()
    {
        ReadForm();
        Confirming = Validate() is not null;
        Fill();
    }

    /// <summary>Sends the command on the user's own connection and shows the controller's answer.</summary>
    public async Task OnPostSendAsync()
    {
        ReadForm();
        var message = Validate();
        if (message is null)
        {
            Fill();
            return;
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(message, MqttJsonContext.Wire.OverrideSetPayload);
        var c = Session.Connection;
        var (result, problem) = await c.CommandAsync(c.Topics.OverrideSet, payload, TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted);
        ResultOk = result?.Ok;
        ResultText = T.Outcome(result, problem, null);
        Log.CommandSent(logger, Session.User, c.Topics.OverrideSet, result?.Ok == true ? "accepted" : ResultText ?? "");
        if (result?.Ok == true)
        {
            // Wait briefly for the new retained status, so the page shows the door as it now is.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                await c.WaitForChangeAsync(c.Version, wait.Token);
            }
            catch (OperationCanceledException)
            {
                // The status comes by itself on the status page.
            }
        }

        Fill();
    }

    private void ReadForm()
    {
        State = Field("State");
        Until = Field("Until");
        Time = Field("Time");
        Reason = Field("Reason");
    }

    private OverrideSetPayload? Validate()
    {
        if (State is not ("open" or "closed" or "auto"))
        {
            Errors["State"] = T["ovr.err.state"];
        }

        Instant? until = null;
        if (State is "open" or "closed")
        {
            var now = Now;
            switch (Until)
            {
                case null or "" or "next":
                    break;
                case "30" or "60" or "120":
                    until = now + Duration.FromMinutes(int.Parse(Until, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "time":
                    var parsed = TimePattern.Parse((Time ?? "").Trim().Replace('.', ':'));
                    if (!parsed.Success || (Time ?? "").Length > 5)
                    {
                        Errors["Until"] = T["ovr.err.time"];
                        break;
                    }

                    var today = now.InZone(Zone).Date;
                    var instant = Zone.AtLeniently(today + parsed.Value).ToInstant();
                    if (instant <= now)
                    {
                        Errors["Until"] = T["ovr.err.past"];
                        break;
                    }

                    until = instant;
                    break;
                default:
                    Errors["Until"] = T["ovr.err.until"];
                    break;
            }
        }

        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        if (reason is { Length: > CommandLimits.MaxReasonLength })
        {
            Errors["Reason"] = T.Format("login.toolong", CommandLimits.MaxReasonLength);
        }
        else if (reason is not null && reason.Any(char.IsControl))
        {
            Errors["Reason"] = T.English ? "contains control characters" : "berisi karakter kendali";
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        var when = until is null ? T["ovr.until.next"] : StatusView.Local(IsoTime.Format(until.Value, Zone), Zone, Now);
        Summary = State switch
        {
            "open" => T.Format("ovr.summary.open", T.Format("override.until", when)),
            "closed" => T.Format("ovr.summary.closed", T.Format("override.until", when)),
            _ => T["ovr.summary.auto"],
        };
        var target = State switch { "open" => OverrideTarget.Open, "closed" => OverrideTarget.Closed, _ => OverrideTarget.Auto };
        return new OverrideSetPayload { State = target, Until = until?.InZone(Zone).ToOffsetDateTime(), Reason = State == "auto" ? null : reason };
    }

    private void Fill()
    {
        var c = Session.Connection;
        View = StatusView.From(c.Status, c.ControllerOnline, Zone, Now, T);
    }
}
