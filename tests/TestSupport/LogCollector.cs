using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace MppSignage.TestSupport;

/// <summary>
/// Collects the log lines of a host or a component under test (bounded), so a test can read them, show them
/// on failure, and fail when anything logged an error it did not expect.
/// </summary>
public sealed class LogCollector(int capacity = LogCollector.DefaultCapacity, LogLevel minimumLevel = LogLevel.Information) : ILoggerProvider
{
    /// <summary>Entries kept; older ones are dropped (a fault test can log for minutes).</summary>
    public const int DefaultCapacity = 5000;

    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly ConcurrentBag<string> _expected = [];
    private int _errors;

    /// <summary>Errors logged since the start, including ones no longer kept.</summary>
    public int ErrorCount => Volatile.Read(ref _errors);

    /// <summary>The entries kept, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The error (and critical) lines kept, with category and exception.</summary>
    public IReadOnlyList<string> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.ToString())];

    /// <summary>The messages at <paramref name="atLeast"/> or above.</summary>
    public IEnumerable<string> Messages(LogLevel atLeast = LogLevel.Information) =>
        _entries.Where(e => e.Level >= atLeast).Select(e => e.Message);

    /// <summary>How many kept messages satisfy <paramref name="match"/>.</summary>
    public int Count(Func<string, bool> match) => _entries.Count(e => match(e.Message));

    /// <summary>The last lines, for a failure message.</summary>
    public string Tail(int count = 40) => string.Join('\n', _entries.TakeLast(count).Select(e => e.ToString()));

    /// <summary>Marks errors whose message contains <paramref name="fragment"/> as expected by the test.</summary>
    public void ExpectError(string fragment) => _expected.Add(fragment);

    /// <summary>Fails the test when an error was logged that no <see cref="ExpectError"/> fragment covers.</summary>
    public void AssertNoUnexpectedErrors()
    {
        var unexpected = _entries.Where(e => e.Level >= LogLevel.Error && !_expected.Any(f => e.Message.Contains(f, StringComparison.Ordinal))).ToList();
        var dropped = ErrorCount - _entries.Count(e => e.Level >= LogLevel.Error);
        if (unexpected.Count > 0 || (dropped > 0 && _expected.IsEmpty))
        {
            throw new XunitException($"unexpected errors were logged ({ErrorCount} in all):\n" + string.Join('\n', unexpected.Select(e => e.ToString())));
        }
    }

    /// <summary>A logger of category <typeparamref name="T"/> writing here, for a component built by hand.</summary>
    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, EventId eventId, string message, Exception? exception)
    {
        if (level >= LogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }

        _entries.Enqueue(new LogEntry(level, category, eventId.Id, message, exception));
        while (_entries.Count > capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Add(logLevel, category, eventId, formatter(state, exception), exception);
            }
        }
    }

    private sealed class Logger<T>(LogCollector owner) : ILogger<T>
    {
        private readonly Collector _inner = new(owner, typeof(T).FullName ?? typeof(T).Name);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _inner.Log(logLevel, eventId, state, exception, formatter);
    }

    /// <summary>The lowest level recorded.</summary>
    public LogLevel MinimumLevel { get; } = minimumLevel;
}

/// <summary>One collected log line.</summary>
public sealed record LogEntry(LogLevel Level, string Category, int EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}]: {Message}" + (Exception is null ? "" : " " + Exception);
}
