namespace MppSignage.Shared.Mqtt;

/// <summary>MQTT 5 user properties of commands (who sent it, how); every client that sends commands sets them.</summary>
public static class MqttUserProperties
{
    /// <summary>
    /// The publisher's user name. The embedded broker overwrites it with the authenticated name; through
    /// an external broker it is only what the client claims (the audit marks it so).
    /// </summary>
    public const string User = "mpp-user";

    /// <summary>Set by the embedded broker when it stamped <see cref="User"/> itself.</summary>
    public const string Verified = "mpp-user-verified";

    /// <summary>How the command was sent (<c>cli</c> for the mpp-controller verbs); shown in the audit as "user via cli".</summary>
    public const string Via = "mpp-via";

    /// <summary>The <see cref="Via"/> value of the web panel (<c>mpp-panel</c>): the audit shows "user via panel".</summary>
    public const string ViaPanel = "panel";
}
