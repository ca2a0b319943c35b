namespace MppSignage.Shared.Mqtt;

/// <summary>One right of a role on a topic pattern.</summary>
/// <param name="Role">The role.</param>
/// <param name="Access">Read, write or both.</param>
/// <param name="Pattern">
/// A topic filter with placeholders: <c>{site}</c> for the site id (or <c>+</c> for every site) and
/// <c>{user}</c> for the connecting user's name (Mosquitto's <c>%u</c>).
/// </param>
public sealed record TopicRule(MqttRole Role, TopicAccess Access, string Pattern)
{
    /// <summary>The pattern with <c>{site}</c> and <c>{user}</c> filled in.</summary>
    public string Expand(string site, string user) => Pattern.Replace("{site}", site, StringComparison.Ordinal).Replace("{user}", user, StringComparison.Ordinal);

    /// <summary>True when the pattern depends on the user name.</summary>
    public bool IsPerUser => Pattern.Contains("{user}", StringComparison.Ordinal);
}
