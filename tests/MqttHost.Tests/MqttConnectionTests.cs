using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Server;
using MppSignage.TestSupport;

namespace MppSignage.MqttHost.Tests;

public sealed class MqttConnectionTests
{
    // An hour: a reconnect within a test's seconds can only come from advancing the fake clock.
    private static readonly MqttBackoff Hourly = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4));

    [Fact]
    public async Task RunAsync_BrokerRestarts_ReconnectsOnTheTimeProviderAndResubscribes()
    {
        await using var broker = await TestBroker.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var connection = new MqttConnection(broker.Endpoint("screen"), Hourly, time, new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<MqttConnection>());
        var received = new ConcurrentQueue<string>();
        connection.Client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue($"{e.ApplicationMessage.Topic}={e.ApplicationMessage.ConvertPayloadToString()}");
            return Task.CompletedTask;
        };
        int connects = 0, drops = 0;
        var session = new MqttSession
        {
            Subscriptions = [new MqttTopicFilterBuilder().WithTopic("mpp/t/status").WithAtLeastOnceQoS().Build()],
            OnConnectedAsync = (_, _) =>
            {
                Interlocked.Increment(ref connects);
                return Task.CompletedTask;
            },
            OnDisconnected = () => Interlocked.Increment(ref drops),
        };
        using var stop = new CancellationTokenSource();
        var run = connection.RunAsync(session, stop.Token);
        await Eventually.TrueAsync(() => connection.IsConnected, "first connect");

        await broker.Server.StopAsync(new MqttServerStopOptions());
        await Eventually.TrueAsync(() => !connection.IsConnected && Volatile.Read(ref drops) == 1, "the drop is noticed");
        await broker.Server.StartAsync();
        await Eventually.TrueAsync(() => connection.IsConnected, "reconnect", between: () =>
        {
            time.Advance(TimeSpan.FromHours(1));
            return Task.CompletedTask;
        });
        Assert.Equal(2, Volatile.Read(ref connects));

        // The restarted broker knows no subscriptions: the message arrives only because the session subscribed again.
        await using var publisher = await broker.ConnectAsync("controller");
        await publisher.Client.PublishStringAsync("mpp/t/status", "after-restart");
        await Eventually.TrueAsync(() => received.Contains("mpp/t/status=after-restart"), "a message on the resubscribed topic");

        await stop.CancelAsync();
        await run;
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RunAsync_Refused_RetriesWithDoublingDelaysUpToTheMaximum()
    {
        await using var broker = await TestBroker.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var log = new LogCollector(minimumLevel: LogLevel.Trace);
        using var connection = new MqttConnection(broker.Endpoint("screen", password: "wrong"), Hourly, time, log.CreateLogger<MqttConnection>());
        using var stop = new CancellationTokenSource();
        var run = connection.RunAsync(new MqttSession(), stop.Token);

        foreach (var (attempts, wait) in new[] { (1, 1), (2, 2), (3, 4), (4, 4), (5, 0) })
        {
            await Eventually.TrueAsync(() => broker.Attempts == attempts && Reconnects(log).Count == attempts, $"attempt {attempts} and its backoff");
            time.Advance(TimeSpan.FromHours(wait));
        }

        Assert.Equal([3600d, 7200, 14400, 14400, 14400], Reconnects(log));
        Assert.Contains(log.Entries, l => l.Level == LogLevel.Error && l.Message.Contains("refused the connection of user 'screen': BadUserNameOrPassword", StringComparison.Ordinal));
        Assert.False(connection.IsConnected);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_BrokerDrops_CancelsTheWhileConnectedHookAndReconnects()
    {
        await using var broker = await TestBroker.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        using var connection = new MqttConnection(broker.Endpoint("controller"), Hourly, time, new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<MqttConnection>());
        var hookRuns = 0;
        var hookCancelled = 0;
        var session = new MqttSession
        {
            WhileConnectedAsync = async (_, ct) =>
            {
                Interlocked.Increment(ref hookRuns);
                try
                {
                    await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref hookCancelled);
                    throw;
                }
            },
        };
        using var stop = new CancellationTokenSource();
        var run = connection.RunAsync(session, stop.Token);
        await Eventually.TrueAsync(() => Volatile.Read(ref hookRuns) == 1, "the hook runs once connected");

        await broker.Server.StopAsync(new MqttServerStopOptions());
        await Eventually.TrueAsync(() => Volatile.Read(ref hookCancelled) == 1, "the hook's token is cancelled by the drop");
        await broker.Server.StartAsync();
        await Eventually.TrueAsync(() => Volatile.Read(ref hookRuns) == 2, "the hook runs again after the reconnect", between: () =>
        {
            time.Advance(TimeSpan.FromHours(1));
            return Task.CompletedTask;
        });

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task DisconnectAsync_PublishesTheGoodbyeFirst()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var watcher = await broker.ConnectAsync("admin");
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Client.ApplicationMessageReceivedAsync += e =>
        {
            seen.TrySetResult(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        await watcher.Client.SubscribeAsync("mpp/t/availability");
        using var connection = new MqttConnection(broker.Endpoint("controller"), Hourly, TimeProvider.System, new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<MqttConnection>());
        using var stop = new CancellationTokenSource();
        var run = connection.RunAsync(new MqttSession(), stop.Token);
        await Eventually.TrueAsync(() => connection.IsConnected, "connect");

        await stop.CancelAsync();
        await run;
        await connection.DisconnectAsync(new MqttApplicationMessageBuilder().WithTopic("mpp/t/availability").WithPayload("offline").WithRetainFlag().Build(), CancellationToken.None);
        Assert.Equal("offline", await seen.Task.WaitAsync(MqttTestClient.DefaultTimeout));
        Assert.False(connection.Client.IsConnected);
    }

    [Fact]
    public void BuildOptions_CarriesMqtt5CredentialsAndARetainedLastWill()
    {
        var options = new MqttEndpoint
        {
            Host = "broker.local",
            Port = 8883,
            Username = "controller",
            Password = "secret",
            ClientId = "mpp-controller-x",
            Will = new MqttLastWill("mpp/x/availability", "offline"),
        }.BuildOptions();

        Assert.Equal(MQTTnet.Formatter.MqttProtocolVersion.V500, options.ProtocolVersion);
        Assert.Equal("controller", options.Credentials.GetUserName(options));
        Assert.Equal("mpp/x/availability", options.WillTopic);
        Assert.Equal("offline", System.Text.Encoding.UTF8.GetString(options.WillPayload));
        Assert.True(options.WillRetain);
        Assert.Equal(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, options.WillQualityOfServiceLevel);
        Assert.True(options.CleanSession);
    }

    [Fact]
    public void ToString_NeverShowsThePassword()
    {
        var endpoint = new MqttEndpoint { Host = "h", Port = 1883, Username = "u", Password = "s3cret-value", ClientId = "c" };
        Assert.DoesNotContain("s3cret-value", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_Next_DoublesUpToTheMaximum()
    {
        var backoff = new MqttBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.Next(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Next(TimeSpan.FromSeconds(16)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MqttBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)));
    }

    private static List<double> Reconnects(LogCollector log) =>
        [.. log.Entries.Where(l => l.EventId == 7002).Select(l => double.Parse(l.Message.Split(' ')[3], System.Globalization.CultureInfo.InvariantCulture))];
}
