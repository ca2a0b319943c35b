using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MppSignage.TestSupport;

/// <summary>
/// A real MQTTnet broker on a free loopback port that knows the <see cref="TestUsers"/>, for tests of a client
/// without a controller (the MQTT host library, the renderer). It can be stopped and started again, counts
/// connection attempts and refuses chosen subscriptions. A controller's own broker is <see cref="ControllerTestHost"/>'s.
/// </summary>
public sealed class TestBroker : IAsyncDisposable
{
    private int _attempts;

    private TestBroker(MqttServer server, int port)
    {
        Server = server;
        Port = port;
    }

    public MqttServer Server { get; }

    public int Port { get; }

    /// <summary>Connection attempts seen (accepted or refused).</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Topic filters whose subscription the broker refuses (NotAuthorized); lock it to change it while clients run.</summary>
    public HashSet<string> RefusedSubscriptions { get; } = new(StringComparer.Ordinal);

    public static async Task<TestBroker> StartAsync()
    {
        var port = FreePort.Next();
        var factory = new MqttServerFactory();
        var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        var broker = new TestBroker(server, port);
        server.ValidatingConnectionAsync += e =>
        {
            Interlocked.Increment(ref broker._attempts);
            e.ReasonCode = TestUsers.Credentials.Contains((e.UserName, e.Password))
                ? MqttConnectReasonCode.Success
                : MqttConnectReasonCode.BadUserNameOrPassword;
            return Task.CompletedTask;
        };
        server.InterceptingSubscriptionAsync += e =>
        {
            lock (broker.RefusedSubscriptions)
            {
                if (broker.RefusedSubscriptions.Contains(e.TopicFilter.Topic))
                {
                    e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
                    e.ProcessSubscription = false;
                }
            }

            return Task.CompletedTask;
        };
        await server.StartAsync();
        return broker;
    }

    /// <summary>A <see cref="MqttTestClient"/> connected as <paramref name="user"/>.</summary>
    public Task<MqttTestClient> ConnectAsync(string user, string? password = null) => MqttTestClient.ConnectAsync(Port, user, password);

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(new MqttServerStopOptions());
        Server.Dispose();
    }
}
