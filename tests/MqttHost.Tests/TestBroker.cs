using System.Net;
using System.Net.Sockets;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace MppSignage.MqttHost.Tests;

/// <summary>
/// A real MQTTnet broker on a free loopback port with one password per user, that can be stopped and started
/// again, count connection attempts and refuse chosen subscriptions. (To be replaced by the test kit's broker.)
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

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

    /// <summary>Topics whose subscription the broker refuses (NotAuthorized).</summary>
    public HashSet<string> RefusedSubscriptions { get; } = new(StringComparer.Ordinal);

    public static string Password(string user) => $"{user}-pw";

    public static async Task<TestBroker> StartAsync()
    {
        var port = FreePort();
        var factory = new MqttServerFactory();
        var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        var broker = new TestBroker(server, port);
        server.ValidatingConnectionAsync += e =>
        {
            Interlocked.Increment(ref broker._attempts);
            e.ReasonCode = e.UserName is { Length: > 0 } u && e.Password == Password(u)
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

    public MqttEndpoint Endpoint(string user, string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = user,
        Password = password ?? Password(user),
        ClientId = $"test-{user}-{Guid.NewGuid():N}"[..30],
        Timeout = Timeout,
    };

    /// <summary>A plain MQTTnet client for the other side of a test.</summary>
    public async Task<IMqttClient> ConnectAsync(string user)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", Port)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials(user, Password(user)).WithTimeout(Timeout).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync(new MqttServerStopOptions());
        Server.Dispose();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (then fails with <paramref name="what"/>).</summary>
    public static async Task Eventually(Func<bool> condition, string what, Func<Task>? between = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not in time: {what}");
            if (between is not null)
            {
                await between();
            }

            await Task.Delay(20);
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
