namespace MppSignage.Shared.Mqtt;

/// <summary>The roles an MQTT user can have; their rights are in <see cref="RoleTopicRules"/>.</summary>
public enum MqttRole
{
    /// <summary>The door controller: publishes state, reads commands.</summary>
    Controller = 0,

    /// <summary>Desk staff: may override the door, reads state.</summary>
    Staff = 1,

    /// <summary>Administrators: every command, reads everything.</summary>
    Admin = 2,

    /// <summary>Entrance screens: read state only (and answer screenshot requests).</summary>
    Screen = 3,
}
