using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Mqtt;
using MppSignage.Panel.Options;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Panel.Sessions;

/// <summary>
/// The sessions, in memory only (a panel restart logs everyone out, by design: no password or session
/// secret is ever written to disk). A session ends after <see cref="PanelOptions.SessionIdleMinutes"/>
/// without a request, on logout, or when its broker connection is refused.
/// </summary>
public sealed class SessionStore : IAsyncDisposable
{
    /// <summary>Most sessions at once (a hall has a handful of staff; bounded against exhaustion).</summary>
    public const int MaxSessions = 200;

    private readonly ConcurrentDictionary<string, PanelSession> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger<SessionStore> _logger;
    private readonly TimeSpan _idle;

    /// <summary>Creates the store.</summary>
    public SessionStore(IOptions<PanelOptions> options, TimeProvider time, ILogger<SessionStore> logger)
    {
        _time = time;
        _logger = logger;
        _idle = TimeSpan.FromMinutes(options.Value.SessionIdleMinutes);
    }

    /// <summary>The idle timeout.</summary>
    public TimeSpan IdleTimeout => _idle;

    /// <summary>Number of live sessions.</summary>
    public int Count => _sessions.Count;

    /// <summary>Adds a session for a connection that the broker accepted; null when the store is full.</summary>
    public PanelSession? Add(string user, MqttRole role, PanelMqttConnection connection)
    {
        if (_sessions.Count >= MaxSessions)
        {
            return null;
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var session = new PanelSession(id, user, role, connection, _time.GetTimestamp());
        _sessions[id] = session;
        return session;
    }

    /// <summary>The live session <paramref name="id"/>; <paramref name="touch"/> counts the call as activity.</summary>
    public PanelSession? Get(string? id, bool touch)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (_time.GetElapsedTime(session.LastSeen) >= _idle)
        {
            _ = EndAsync(id, "idle timeout");
            return null;
        }

        if (touch)
        {
            session.LastSeen = _time.GetTimestamp();
        }

        return session;
    }

    /// <summary>Ends a session and closes its broker connection.</summary>
    public async Task EndAsync(string id, string reason)
    {
        if (_sessions.TryRemove(id, out var session))
        {
            Log.SessionEnded(_logger, session.User, reason);
            await session.Connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Ends every session idle for longer than the timeout.</summary>
    public async Task SweepAsync()
    {
        foreach (var (id, session) in _sessions)
        {
            if (_time.GetElapsedTime(session.LastSeen) >= _idle)
            {
                await EndAsync(id, "idle timeout").ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys)
        {
            await EndAsync(id, "panel stopping").ConfigureAwait(false);
        }
    }
}
