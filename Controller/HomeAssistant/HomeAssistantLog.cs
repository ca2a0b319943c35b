using Microsoft.Extensions.Logging;

namespace MppSignage.Controller.HomeAssistant;

/// <summary>Log messages of the Home Assistant discovery (event ids 900-909, apart from Hosting/Log.cs).</summary>
internal static partial class HomeAssistantLog
{
    [LoggerMessage(900, LogLevel.Information, "Home Assistant discovery: {Count} retained configs under homeassistant/+/{Site}/ (republished on every connect and when Home Assistant says online)")]
    public static partial void Enabled(ILogger logger, int count, string site);

    [LoggerMessage(901, LogLevel.Information, "Home Assistant is online again; republishing the discovery configs and the state")]
    public static partial void Republishing(ILogger logger);
}
