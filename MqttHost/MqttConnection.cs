using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;

namespace MppSignage.MqttHost;

/// <summary>
/// The connection of a long-running executable (controller, renderer, panel): connects to
/// <see cref="MqttEndpoint"/>, subscribes the <see cref="MqttSession"/>'s topics, runs its hooks while
/// connected and reconnects after any loss with the <see cref="MqttBackoff"/> delays, timed by the
/// <see cref="TimeProvider"/>. Attach message handlers to <see cref="Client"/> before <see cref="RunAsync"/>.
/// </summary>
public sealed class MqttConnection : IDisposable
{
    private readonly MqttEndpoint _endpoint;
    private readonly MqttBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttConnection> _logger;
    private volatile bool _connected;

    /// <summary>Creates the connection; nothing is connected until <see cref="RunAsync"/>.</summary>
    public MqttConnection(MqttEndpoint endpoint, MqttBackoff backoff, TimeProvider time, ILogger<MqttConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _endpoint = endpoint;
        _backoff = backoff;
        _time = time;
        _logger = logger;
        Client = new MqttClientFactory().CreateMqttClient();
    }

    /// <summary>The MQTTnet client: attach <c>ApplicationMessageReceivedAsync</c> here; publish through it.</summary>
    public IMqttClient Client { get; }

    /// <summary>True from the end of a successful connect (subscribed, <see cref="MqttSession.OnConnectedAsync"/> done) until the connection is lost.</summary>
    public bool IsConnected => _connected && Client.IsConnected;

    /// <summary>Connects, runs the session, reconnects after every loss; returns when <paramref name="stoppingToken"/> is cancelled.</summary>
    public async Task RunAsync(MqttSession session, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var delay = _backoff.Min;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ConnectAsync(session, stoppingToken).ConfigureAwait(false) is { } dropped)
                {
                    delay = _backoff.Min;
                    await RunConnectedAsync(session, dropped, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsConnectionFault(ex))
            {
                // Broker down, unreachable or the connection broke: the service keeps working locally and tries again.
                Log.ConnectionLost(_logger, _endpoint.Host, _endpoint.Port, ex.GetType().Name, ex.Message);
            }
            finally
            {
                if (_connected)
                {
                    _connected = false;
                    session.OnDisconnected?.Invoke();
                }
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            Log.Reconnecting(_logger, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = _backoff.Next(delay);
        }
    }

    /// <summary>
    /// Ends the connection cleanly, first publishing <paramref name="goodbye"/> (a clean disconnect does not fire
    /// the Last Will, so say <c>offline</c> yourself). A broker already gone is not an error.
    /// </summary>
    public async Task DisconnectAsync(MqttApplicationMessage? goodbye, CancellationToken ct)
    {
        if (!Client.IsConnected)
        {
            return;
        }

        try
        {
            if (goodbye is not null)
            {
                await Client.PublishAsync(goodbye, ct).ConfigureAwait(false);
            }

            await Client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The broker may already be gone (an embedded broker stopping first); the Last Will covers that case.
            Log.GoodbyeFailed(_logger, ex.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();

    /// <summary>The exceptions a lost or refused connection shows; anything else is a bug and ends the service.</summary>
    internal static bool IsConnectionFault(Exception ex) =>
        ex is MqttCommunicationException or IOException or SocketException or TimeoutException or OperationCanceledException
            or InvalidOperationException or AuthenticationException or CryptographicException;

    /// <summary>One connect attempt; returns a task that completes when the broker drops the connection, or null when refused.</summary>
    private async Task<Task<string>?> ConnectAsync(MqttSession session, CancellationToken ct)
    {
        if (Client.IsConnected)
        {
            await Client.DisconnectAsync(cancellationToken: ct).ConfigureAwait(false);
        }

        // Watch for the drop before connecting, so a drop right after the connect is not missed.
        var dropped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task OnDisconnected(MqttClientDisconnectedEventArgs e)
        {
            dropped.TrySetResult(e.ReasonString ?? e.Reason.ToString());
            return Task.CompletedTask;
        }

        Client.DisconnectedAsync += OnDisconnected;
        _ = dropped.Task.ContinueWith(_ => Client.DisconnectedAsync -= OnDisconnected, TaskScheduler.Default);
        MqttClientConnectResult result;
        try
        {
            result = await Client.ConnectAsync(_endpoint.BuildOptions(), ct).ConfigureAwait(false);
        }
        catch
        {
            dropped.TrySetResult("connect failed");
            throw;
        }

        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            dropped.TrySetResult("refused");
            Log.ConnectRefused(_logger, _endpoint.Host, _endpoint.Port, _endpoint.Username, result.ResultCode.ToString(), result.ReasonString ?? "");
            return null;
        }

        if (session.Subscriptions.Count > 0)
        {
            var subscribe = new MqttClientSubscribeOptionsBuilder();
            foreach (var filter in session.Subscriptions)
            {
                subscribe.WithTopicFilter(filter);
            }

            var granted = await Client.SubscribeAsync(subscribe.Build(), ct).ConfigureAwait(false);
            foreach (var item in granted.Items.Where(i => !MqttRetained.IsGranted(i.ResultCode)))
            {
                Log.SubscribeRefused(_logger, item.TopicFilter.Topic, item.ResultCode.ToString());
            }
        }

        if (session.OnConnectedAsync is { } onConnected)
        {
            await onConnected(Client, ct).ConfigureAwait(false);
        }

        _connected = true;
        Log.Connected(_logger, _endpoint.Host, _endpoint.Port, _endpoint.Username, session.Subscriptions.Count);
        return dropped.Task;
    }

    private async Task RunConnectedAsync(MqttSession session, Task<string> dropped, CancellationToken stoppingToken)
    {
        if (session.WhileConnectedAsync is not { } run)
        {
            var reason = await dropped.WaitAsync(stoppingToken).ConfigureAwait(false);
            Log.Disconnected(_logger, reason);
            return;
        }

        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var running = run(Client, connection.Token);
        if (await Task.WhenAny(running, dropped).ConfigureAwait(false) == dropped)
        {
            Log.Disconnected(_logger, await dropped.ConfigureAwait(false));
            await connection.CancelAsync().ConfigureAwait(false);
            // The hook sees its token cancelled; how it ends does not matter any more, the connection is gone.
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return;
        }

        await running.ConfigureAwait(false);
    }
}
