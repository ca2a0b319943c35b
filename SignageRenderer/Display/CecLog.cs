using Microsoft.Extensions.Logging;

namespace MppSignage.SignageRenderer.Display;

/// <summary>Log messages of the HDMI-CEC display power (event ids 9100-9109).</summary>
internal static partial class CecLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information, Message = "TV {Power} over HDMI-CEC on {Device} (attempt {Attempt})")]
    public static partial void Switched(ILogger logger, CecPower power, string device, int attempt);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "The TV did not answer {Power} on {Device} after {Attempts} attempts: {Detail}. Is CEC enabled on the TV (Anynet+, Bravia Sync, SimpLink) and the TV on mains power? Next try in {RetryAfter}")]
    public static partial void NoAnswer(ILogger logger, CecPower power, string device, int attempts, string detail, TimeSpan retryAfter);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug, Message = "CEC attempt {Attempt} for {Power} failed: {Detail}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, CecPower power, string detail);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "HDMI-CEC display power by the hours is on: wake {WakeBefore} before opening, standby {StandbyAfter} after closing, device {Device}")]
    public static partial void Enabled(ILogger logger, TimeSpan wakeBefore, TimeSpan standbyAfter, string device);
}
