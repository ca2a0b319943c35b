namespace MppSignage.Shared.Mqtt;

/// <summary>One right of a role on a topic pattern.</summary>
/// <param name="Role">The role.</param>
/// <param name="Access">Read, write or both.</param>
/// <param name="Pattern">
/// A topic filter with placeholders: <c>{site}</c> for the site id (or <c>+</c> for every site),
/// <c>{user}</c> for the connecting user's name (Mosquitto's <c>%u</c>) and <c>{screen}</c> for the screen id
/// that user is bound to (<see cref="ScreenUsers.ScreenIdOf"/>).
/// </param>
public sealed record TopicRule(MqttRole Role, TopicAccess Access, string Pattern)
{
    /// <summary>
    /// The pattern with <c>{site}</c>, <c>{user}</c> and <c>{screen}</c> filled in; null when it names
    /// <c>{screen}</c> and <paramref name="user"/> is bound to no screen (the rule grants that user nothing).
    /// </summary>
    public string? Expand(string site, string user)
    {
        var pattern = Pattern.Replace("{site}", site, StringComparison.Ordinal).Replace("{user}", user, StringComparison.Ordinal);
        if (!IsPerScreen)
        {
            return pattern;
        }

        return ScreenUsers.ScreenIdOf(user) is { } screen ? pattern.Replace("{screen}", screen, StringComparison.Ordinal) : null;
    }

    /// <summary>True when the pattern depends on the user name (one Mosquitto <c>pattern</c> line with <c>%u</c>).</summary>
    public bool IsPerUser => Pattern.Contains("{user}", StringComparison.Ordinal);

    /// <summary>True when the pattern depends on the user's screen id (a line in that user's own ACL block).</summary>
    public bool IsPerScreen => Pattern.Contains("{screen}", StringComparison.Ordinal);
}
