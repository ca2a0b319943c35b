using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MppSignage.SystemTests.Support;

/// <summary>Collects an in-process host's log lines (bounded), so a test can show them on failure and check for errors.</summary>
internal sealed class LogSink(int capacity = 5000) : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();
    private int _errors;

    /// <summary>Errors logged since the start, including ones no longer kept.</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    private readonly int _capacity = capacity;

    public IReadOnlyList<string> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}")];

    public string Tail(int count = 40) => string.Join('\n', _entries.TakeLast(count).Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    public int Count(Func<string, bool> match) => _entries.Count(e => match(e.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref owner._errors);
            }

            owner._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
            while (owner._entries.Count > owner._capacity && owner._entries.TryDequeue(out _))
            {
            }
        }
    }
}
