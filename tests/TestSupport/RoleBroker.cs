using Microsoft.Extensions.Logging.Abstractions;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Options;
using MppSignage.Shared.Mqtt;

namespace MppSignage.TestSupport;

/// <summary>
/// The controller's own embedded broker (roles, ACL, identity rules) on a free loopback port with every
/// <see cref="TestUsers"/> user, without a controller around it: for tests of what the broker itself allows.
/// </summary>
public sealed class RoleBroker : IAsyncDisposable
{
    private readonly EmbeddedBroker _broker;

    private RoleBroker(EmbeddedBroker broker, int port)
    {
        _broker = broker;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Starts the broker for <paramref name="site"/>.</summary>
    public static async Task<RoleBroker> StartAsync(string site)
    {
        var port = FreePort.Next();
        var options = new MqttOptions
        {
            Broker = "embedded",
            Port = port,
            BindAddress = "127.0.0.1",
            // Few iterations: the hash format is what matters here, not its cost.
            Users = [.. TestUsers.Users.Append(TestUsers.Lobby).Select(u => new MqttUserOptions { Name = u.User, Role = RoleTopicRules.Name(u.Role), PasswordHash = PasswordHash.Create(u.Password, 100) })],
        };
        var broker = new EmbeddedBroker(
            Microsoft.Extensions.Options.Options.Create(options),
            Microsoft.Extensions.Options.Options.Create(new SiteOptions { Id = site }),
            new InternalCredential(),
            TimeProvider.System,
            NullLogger<EmbeddedBroker>.Instance);
        await broker.StartAsync(CancellationToken.None);
        return new RoleBroker(broker, port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _broker.StopAsync(CancellationToken.None);
        await _broker.DisposeAsync();
    }
}
