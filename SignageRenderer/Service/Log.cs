using Microsoft.Extensions.Logging;

namespace MppSignage.SignageRenderer.Service;

/// <summary>The renderer's log messages (source-generated, stable event ids).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Renderer for site {Site}, screen {Screen}: {Size} to {Output}, font {Font}")]
    public static partial void Starting(ILogger logger, string site, string screen, string size, string output, string font);

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Header logo: {Logo}; cross-fade between slides: {Fade}")]
    public static partial void Look(ILogger logger, string logo, string fade);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Ignored a bad payload on {Topic}: {Problem}")]
    public static partial void BadPayload(ILogger logger, string topic, string problem);

    // Debug: the rotation changes slide every 10–15 s (~7,400 lines a day); the journal keeps state changes and errors.
    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Slide {Slide} ({Reason})")]
    public static partial void SlideShown(ILogger logger, string slide, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Writing the frame to {Output} failed; retrying at the next change")]
    public static partial void OutputFailed(ILogger logger, Exception exception, string output);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Screenshot ({Bytes} bytes) published on {Topic}")]
    public static partial void ScreenshotPublished(ILogger logger, int bytes, string topic);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Controller availability: {Availability}; showing the last known state")]
    public static partial void ControllerOffline(ILogger logger, string availability);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Controller availability: {Availability}")]
    public static partial void ControllerOnline(ILogger logger, string availability);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Received {What}: {Detail}")]
    public static partial void Received(ILogger logger, string what, string detail);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Render loop error; continuing")]
    public static partial void RenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Screenshot request failed")]
    public static partial void ScreenshotFailed(ILogger logger, Exception exception);
}
