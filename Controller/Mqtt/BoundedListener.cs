using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MQTTnet.Adapter;
using MQTTnet.Channel;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace MppSignage.Controller.Mqtt;

/// <summary>The embedded broker's limits, applied by <see cref="BoundedListener"/> before MQTTnet sees a byte.</summary>
/// <param name="MaxConnections">Open TCP connections at most (authenticated or not); more are closed at accept.</param>
/// <param name="MaxUnauthenticated">Connections that have not yet completed their CONNECT packet; more are closed at accept.</param>
/// <param name="ConnectTimeout">Time from accept to a complete CONNECT packet; a slower client is cut off.</param>
/// <param name="MaxConnectPacketBytes">Largest CONNECT packet (remaining length), checked on its fixed header.</param>
/// <param name="MaxPacketBytes">Largest packet after CONNECT, checked on its fixed header.</param>
internal sealed record BrokerLimits(int MaxConnections, int MaxUnauthenticated, TimeSpan ConnectTimeout, int MaxConnectPacketBytes, int MaxPacketBytes);

/// <summary>
/// The embedded broker's TCP listener, in place of MQTTnet's own (which has no connection cap, no packet
/// size limit and allocates the whole declared body of a packet before reading it). Every connection is
/// counted at accept and refused when over <see cref="BrokerLimits.MaxConnections"/> or
/// <see cref="BrokerLimits.MaxUnauthenticated"/>; every packet's fixed header is read here first and a
/// declared length over the limit closes the connection before MQTTnet allocates anything; a CONNECT
/// not complete within <see cref="BrokerLimits.ConnectTimeout"/> closes it too.
/// </summary>
internal sealed class BoundedListener : IMqttServerAdapter
{
    private readonly IPAddress _address;
    private readonly int _port;
    private readonly BrokerLimits _limits;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<BoundedChannel, byte> _open = new();
    private Socket? _socket;
    private CancellationTokenSource? _stop;
    private MqttServerOptions? _serverOptions;
    private int _unauthenticated;
    private int _connections;
    private long _refused;
    private long _lastRefusalLog = long.MinValue;

    public BoundedListener(IPAddress address, int port, BrokerLimits limits, TimeProvider time, ILogger logger)
    {
        _address = address;
        _port = port;
        _limits = limits;
        _time = time;
        _logger = logger;
    }

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Connections open now.</summary>
    public int OpenConnections => Volatile.Read(ref _connections);

    /// <summary>Connections whose CONNECT packet is not complete yet.</summary>
    public int Unauthenticated => Volatile.Read(ref _unauthenticated);

    /// <summary>Connections closed by a limit since start (over a cap, oversized packet, CONNECT timeout).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        if (_stop is not null)
        {
            throw new InvalidOperationException("The embedded broker's listener is already started.");
        }

        _serverOptions = options;
        _stop = new CancellationTokenSource();
        var socket = new Socket(_address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(_address, _port));
            socket.Listen(64);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _ = Task.Run(() => AcceptLoopAsync(socket, _stop.Token));
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        Cleanup();
        return Task.CompletedTask;
    }

    public void Dispose() => Cleanup();

    private void Cleanup()
    {
        _stop?.Cancel();
        _stop?.Dispose();
        _stop = null;
        _socket?.Dispose();
        _socket = null;
        foreach (var channel in _open.Keys)
        {
            channel.Dispose();
        }
    }

    /// <summary>The open connection from <paramref name="remote"/>, if any (to raise its limit after authentication).</summary>
    public BoundedChannel? Find(EndPoint? remote) =>
        remote is null ? null : _open.Keys.FirstOrDefault(c => Equals(c.RemoteEndPoint, remote));

    private async Task AcceptLoopAsync(Socket listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A connection reset between SYN and accept; keep accepting.
                continue;
            }

            // Counted here, in the one accept loop, before the next accept: a burst cannot slip past the caps.
            if (Volatile.Read(ref _connections) >= _limits.MaxConnections || Volatile.Read(ref _unauthenticated) >= _limits.MaxUnauthenticated)
            {
                // Closed before a byte is read: a flood costs a socket for microseconds, not memory.
                client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                CountRefusal("connection limit");
                continue;
            }

            Interlocked.Increment(ref _connections);
            Interlocked.Increment(ref _unauthenticated);
            _ = Task.Run(() => HandleAsync(client, ct), CancellationToken.None);
        }
    }

    private async Task HandleAsync(Socket socket, CancellationToken ct)
    {
        var handler = ClientHandler;
        if (handler is null || _serverOptions is null)
        {
            socket.Dispose();
            Interlocked.Decrement(ref _unauthenticated);
            Interlocked.Decrement(ref _connections);
            return;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        var inner = new MqttTcpChannel(stream, socket.LocalEndPoint, socket.RemoteEndPoint, null);
        var channel = new BoundedChannel(inner, this, _limits.MaxConnectPacketBytes, _limits.MaxPacketBytes);
        _open[channel] = 0;
        using var connectDeadline = new CancellationTokenSource(_limits.ConnectTimeout, _time);
        using var onDeadline = connectDeadline.Token.Register(() =>
        {
            if (!channel.ConnectComplete)
            {
                channel.Refuse("no complete CONNECT in time");
            }
        });
        try
        {
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_serverOptions.WriterBufferSize, _serverOptions.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, MqttNetNullLogger.Instance);
            await handler(adapter).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or was cut off by a limit; MQTTnet has cleaned up its side.
        }
        finally
        {
            // Counts the connection out of the unauthenticated ones if its CONNECT never completed.
            channel.MarkConnectComplete(countDown: true);
            _open.TryRemove(channel, out _);
            Interlocked.Decrement(ref _connections);
            channel.Dispose();
        }
    }

    internal void ConnectPacketRead() => Interlocked.Decrement(ref _unauthenticated);

    internal void CountRefusal(string why, string? endpoint = null, long declared = 0)
    {
        var n = Interlocked.Increment(ref _refused);
        // At most one line a second under a flood, with the running count: the log stays bounded too.
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefusalLog);
        if (last == long.MinValue || _time.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1))
        {
            if (Interlocked.CompareExchange(ref _lastRefusalLog, now, last) == last)
            {
                Log.BrokerConnectionCut(_logger, why, endpoint ?? "?", declared, n);
            }
        }
    }
}

/// <summary>
/// One accepted connection: follows the MQTT framing of every byte read (fixed header, remaining length,
/// body) and closes the connection as soon as a fixed header declares more than the limit — the first
/// packet (CONNECT) has its own, smaller limit.
/// </summary>
internal sealed class BoundedChannel : IMqttChannel
{
    private readonly MqttTcpChannel _inner;
    private readonly BoundedListener _listener;
    private readonly int _connectLimit;
    private int _limit;
    private int _connectComplete;
    private volatile bool _refused;

    // Framing state: 0 = expecting the type byte, 1 = reading the remaining length, 2 = inside a body.
    private int _state;
    private int _lengthBytes;
    private long _length;
    private long _bodyLeft;

    public BoundedChannel(MqttTcpChannel inner, BoundedListener listener, int connectLimit, int limit)
    {
        _inner = inner;
        _listener = listener;
        _connectLimit = connectLimit;
        _limit = limit;
    }

    public X509Certificate2 ClientCertificate => _inner.ClientCertificate;

    public EndPoint RemoteEndPoint => _inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => _inner.LocalEndPoint;

    public bool IsSecureConnection => _inner.IsSecureConnection;

    /// <summary>True once the first packet (CONNECT) was read whole.</summary>
    public bool ConnectComplete => Volatile.Read(ref _connectComplete) == 1;

    /// <summary>The packet limit after CONNECT, raised for roles that publish large payloads (screenshots).</summary>
    public int Limit
    {
        get => Volatile.Read(ref _limit);
        set => Volatile.Write(ref _limit, value);
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => _inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => _inner.DisconnectAsync(cancellationToken);

    public void Dispose() => _inner.Dispose();

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_refused)
        {
            return 0;
        }

        var n = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        if (n > 0 && !Inspect(buffer.AsSpan(offset, n)))
        {
            // A graceful end for MQTTnet: it closes its side without allocating the declared body.
            return 0;
        }

        return _refused ? 0 : n;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    internal void MarkConnectComplete(bool countDown)
    {
        if (Interlocked.Exchange(ref _connectComplete, 1) == 0 && countDown)
        {
            _listener.ConnectPacketRead();
        }
    }

    internal void Refuse(string why, long declared = 0)
    {
        _refused = true;
        _listener.CountRefusal(why, RemoteEndPoint?.ToString(), declared);
        _inner.Dispose();
    }

    private bool Inspect(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            switch (_state)
            {
                case 0:
                    _state = 1;
                    _lengthBytes = 0;
                    _length = 0;
                    break;
                case 1:
                    var b = bytes[i];
                    _length |= (long)(b & 0x7F) << (7 * _lengthBytes);
                    _lengthBytes++;
                    if ((b & 0x80) != 0)
                    {
                        if (_lengthBytes == 4)
                        {
                            Refuse("malformed remaining length");
                            return false;
                        }

                        break;
                    }

                    var limit = ConnectComplete ? Limit : _connectLimit;
                    if (_length > limit)
                    {
                        Refuse(ConnectComplete ? "packet over the size limit" : "CONNECT packet over the size limit", _length);
                        return false;
                    }

                    _bodyLeft = _length;
                    _state = _bodyLeft == 0 ? 0 : 2;
                    if (_state == 0)
                    {
                        MarkConnectComplete(countDown: true);
                    }

                    break;
                default:
                    var take = (int)Math.Min(_bodyLeft, bytes.Length - i);
                    _bodyLeft -= take;
                    i += take - 1;
                    if (_bodyLeft == 0)
                    {
                        _state = 0;
                        MarkConnectComplete(countDown: true);
                    }

                    break;
            }
        }

        return true;
    }
}
