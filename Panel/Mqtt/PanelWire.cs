namespace MppSignage.Panel.Mqtt;

/// <summary>
/// The MQTT 5 user properties the panel sets on its commands; the names are the controller's
/// (<c>Controller/Mqtt/MqttUserProperties</c>): the audit shows "user via panel".
/// </summary>
public static class PanelWire
{
    /// <summary>The publisher's user name (the embedded broker overwrites it with the authenticated one).</summary>
    public const string UserProperty = "mpp-user";

    /// <summary>Which client sent the command.</summary>
    public const string ViaProperty = "mpp-via";

    /// <summary>The value of <see cref="ViaProperty"/>.</summary>
    public const string Via = "panel";
}
