namespace MppSignage.Controller.HomeAssistant;

/// <summary>One retained discovery message: its topic (<c>homeassistant/{component}/{site}/{object}/config</c>) and JSON payload.</summary>
/// <param name="Component">The Home Assistant platform (<c>binary_sensor</c>, <c>select</c>, <c>sensor</c>).</param>
/// <param name="ObjectId">The entity's object id within the site's node.</param>
/// <param name="Topic">The config topic.</param>
/// <param name="Payload">The UTF-8 JSON config.</param>
public sealed record DiscoveryConfig(string Component, string ObjectId, string Topic, byte[] Payload);
