namespace MppSignage.Controller.Mqtt;

/// <summary>
/// Which user owns each client id on the embedded broker, and how many connections each user holds.
/// A client id belongs to the user whose connection claimed it until that user's last connection with it
/// closes: another user's CONNECT with it (takeover, or resuming the session and its rights) is refused.
/// </summary>
internal sealed class ClientIdRegistry
{
    private readonly object _lock = new();
    private readonly Dictionary<string, (string User, int Connections)> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perUser = new(StringComparer.Ordinal);

    /// <summary>Claims <paramref name="clientId"/> for <paramref name="user"/>; null when granted, else the reason.</summary>
    /// <param name="clientId">The client id of the CONNECT.</param>
    /// <param name="user">The authenticated user.</param>
    /// <param name="maxPerUser">Connections the user may hold at once; null for no cap (the controller itself).</param>
    public string? TryClaim(string clientId, string user, int? maxPerUser)
    {
        lock (_lock)
        {
            var held = _perUser.GetValueOrDefault(user);
            if (_owners.TryGetValue(clientId, out var owner))
            {
                if (!string.Equals(owner.User, user, StringComparison.Ordinal))
                {
                    return "the client id is in use by another user";
                }

                // The same user reconnecting with its own id (a takeover of its own session) holds no extra slot
                // once the old connection closes; it is counted until then.
                if (maxPerUser is { } capSame && held >= capSame + 1)
                {
                    return $"the user already holds {held} connections (the limit is {capSame})";
                }

                _owners[clientId] = (user, owner.Connections + 1);
            }
            else
            {
                if (maxPerUser is { } cap && held >= cap)
                {
                    return $"the user already holds {held} connections (the limit is {cap})";
                }

                _owners[clientId] = (user, 1);
            }

            _perUser[user] = held + 1;
            return null;
        }
    }

    /// <summary>Releases one connection of <paramref name="clientId"/> (disconnect or takeover).</summary>
    public void Release(string clientId)
    {
        lock (_lock)
        {
            if (!_owners.TryGetValue(clientId, out var owner))
            {
                return;
            }

            if (owner.Connections <= 1)
            {
                _owners.Remove(clientId);
            }
            else
            {
                _owners[clientId] = (owner.User, owner.Connections - 1);
            }

            var held = _perUser.GetValueOrDefault(owner.User) - 1;
            if (held <= 0)
            {
                _perUser.Remove(owner.User);
            }
            else
            {
                _perUser[owner.User] = held;
            }
        }
    }

    /// <summary>The user owning <paramref name="clientId"/> now, or null.</summary>
    public string? OwnerOf(string clientId)
    {
        lock (_lock)
        {
            return _owners.TryGetValue(clientId, out var o) ? o.User : null;
        }
    }

    /// <summary>Connections <paramref name="user"/> holds now.</summary>
    public int ConnectionsOf(string user)
    {
        lock (_lock)
        {
            return _perUser.GetValueOrDefault(user);
        }
    }
}
