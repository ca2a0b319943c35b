namespace MppSignage.Shared.Mqtt;

/// <summary>What a rule allows on its topic pattern (Mosquitto ACL's <c>read</c>, <c>write</c>, <c>readwrite</c>).</summary>
[Flags]
public enum TopicAccess
{
    /// <summary>Receive messages (subscribe and get them delivered).</summary>
    Read = 1,

    /// <summary>Publish.</summary>
    Write = 2,

    /// <summary>Both.</summary>
    ReadWrite = Read | Write,
}
