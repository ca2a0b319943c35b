using MppSignage.TestSupport;

namespace MppSignage.MqttHost.Tests;

/// <summary>The endpoint an <see cref="MqttConnection"/> under test uses to reach the kit's <see cref="TestBroker"/>.</summary>
internal static class BrokerEndpoints
{
    public static MqttEndpoint Endpoint(this TestBroker broker, string user, string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        Username = user,
        Password = password ?? TestUsers.Password(user),
        ClientId = $"test-{user}-{Guid.NewGuid():N}"[..30],
        Timeout = TimeSpan.FromSeconds(10),
    };
}
