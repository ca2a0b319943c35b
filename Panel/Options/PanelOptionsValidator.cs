using Microsoft.Extensions.Options;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Panel.Options;

/// <summary>Start-up checks: each failure names the key and the fix.</summary>
public sealed class PanelOptionsValidator : IValidateOptions<PanelOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PanelOptions o)
    {
        var problems = new List<string>();
        if (!Topics.IsValidSiteId(o.Site))
        {
            problems.Add($"Panel:Site '{o.Site}' must be 1-64 characters of a-z, 0-9, '-' or '_' (the controller's Site:Id).");
        }

        if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is null)
        {
            problems.Add($"Panel:TimeZone '{o.TimeZone}' is not a tz database zone; use e.g. Asia/Jakarta.");
        }

        problems.AddRange(ListenRules.Check(o));
        if (o.SessionIdleMinutes is <= 0 or > 24 * 60)
        {
            problems.Add($"Panel:SessionIdleMinutes {o.SessionIdleMinutes} must be more than 0 and at most 1440.");
        }

        if (o.MqttPort is < 1 or > 65535)
        {
            problems.Add($"Panel:MqttPort {o.MqttPort} must be 1-65535.");
        }

        if (o.MaxUploadBytes is < 1024 or > PanelOptions.MaxUploadBytesCeiling)
        {
            problems.Add($"Panel:MaxUploadBytes {o.MaxUploadBytes} must be 1024 to {PanelOptions.MaxUploadBytesCeiling} (Mosquitto's max_packet_size less 64 KiB); keep it at most the controller's Assets:MaxUploadBytes.");
        }

        if (o.CommandTimeoutSeconds is <= 0 or > 60)
        {
            problems.Add($"Panel:CommandTimeoutSeconds {o.CommandTimeoutSeconds} must be more than 0 and at most 60.");
        }

        for (var i = 0; i < o.Users.Count; i++)
        {
            var u = o.Users[i];
            if (string.IsNullOrWhiteSpace(u.Name) || u.Name.Length > 64)
            {
                problems.Add($"Panel:Users:{i}:Name must be the broker user name (1-64 characters).");
            }

            if (RoleTopicRules.ParseRole(u.Role) is not (MqttRole.Staff or MqttRole.Admin))
            {
                problems.Add($"Panel:Users:{i}:Role '{u.Role}' must be staff or admin (other roles cannot use the panel).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
