using Microsoft.Extensions.Logging;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// A logger for what is built before the host's logging exists (the poster cache, opened at start so a bad
/// directory stops the start): it keeps the first lines until <see cref="Attach"/>, then writes them and
/// everything after to the host's logger.
/// </summary>
internal sealed class EarlyLog : ILogger
{
    private const int MaxKept = 200;
    private readonly object _gate = new();
    private readonly List<(LogLevel Level, EventId Id, string Message, Exception? Exception)> _kept = [];
    private ILogger? _target;

    /// <summary>From now on writes to <paramref name="target"/>, first the lines kept so far.</summary>
    public void Attach(ILogger target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            foreach (var (level, id, message, exception) in _kept)
            {
                target.Log(level, id, message, exception, static (m, _) => m);
            }

            _kept.Clear();
            _target = target;
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (_gate)
        {
            if (_target is { } target)
            {
                target.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            if (IsEnabled(logLevel) && _kept.Count < MaxKept)
            {
                _kept.Add((logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
