using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MppSignage.MqttHost.Tests;

/// <summary>Records log lines (level, event id, text) so a test can assert what the host reported.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, int Id, string Text)> _lines = new();

    public IReadOnlyCollection<(LogLevel Level, int Id, string Text)> Lines => _lines.ToArray();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
}
