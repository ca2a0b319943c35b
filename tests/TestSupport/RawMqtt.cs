using System.Net.Sockets;
using System.Text;

namespace MppSignage.TestSupport;

/// <summary>
/// Hand-built MQTT 5 packets on a plain socket, for what a well-behaved client library refuses to send:
/// wildcard topic names, huge declared lengths, bodies that never come.
/// </summary>
public sealed class RawMqtt : IAsyncDisposable
{
    private readonly TcpClient _tcp;

    private RawMqtt(TcpClient tcp)
    {
        _tcp = tcp;
    }

    public NetworkStream Stream => _tcp.GetStream();

    public static async Task<RawMqtt> OpenAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        return new RawMqtt(tcp);
    }

    /// <summary>An MQTT 5 CONNECT with user and password (clean start, keep-alive 60 s).</summary>
    public static byte[] Connect(string clientId, string user, string password)
    {
        var body = new List<byte>();
        body.AddRange(Str("MQTT"));
        body.Add(5);        // protocol level: MQTT 5
        body.Add(0b1100_0010); // user name, password, clean start
        body.AddRange([0, 60]);
        body.Add(0);        // no properties
        body.AddRange(Str(clientId));
        body.AddRange(Str(user));
        body.AddRange(Str(password));
        return Packet(0x10, [.. body]);
    }

    /// <summary>An MQTT 5 PUBLISH, QoS 1, packet id 1, no properties.</summary>
    public static byte[] Publish(string topic, string payload)
    {
        var body = new List<byte>();
        body.AddRange(Str(topic));
        body.AddRange([0, 1]);
        body.Add(0);
        body.AddRange(Encoding.UTF8.GetBytes(payload));
        return Packet(0x32, [.. body]);
    }

    /// <summary>A fixed header declaring <paramref name="remainingLength"/> bytes, without the body.</summary>
    public static byte[] Header(byte type, int remainingLength) => [type, .. Length(remainingLength)];

    public async Task SendAsync(byte[] bytes)
    {
        await Stream.WriteAsync(bytes);
        await Stream.FlushAsync();
    }

    /// <summary>Reads one whole packet: (type byte, body); null when the broker closed the connection.</summary>
    public async Task<(byte Type, byte[] Body)?> ReadPacketAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var first = new byte[1];
        if (!await ReadExactlyAsync(first, cts.Token))
        {
            return null;
        }

        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = new byte[1];
            if (!await ReadExactlyAsync(b, cts.Token))
            {
                return null;
            }

            length |= (b[0] & 0x7F) << shift;
            if ((b[0] & 0x80) == 0)
            {
                break;
            }
        }

        var body = new byte[length];
        return await ReadExactlyAsync(body, cts.Token) ? (first[0], body) : null;
    }

    /// <summary>True when the broker closes the connection (EOF or reset) within <paramref name="timeout"/>.</summary>
    public async Task<bool> ClosedWithinAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                if (await Stream.ReadAsync(buffer, cts.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken ct)
    {
        try
        {
            await Stream.ReadExactlyAsync(buffer, ct);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static byte[] Packet(byte type, byte[] body) => [type, .. Length(body.Length), .. body];

    private static byte[] Str(string s)
    {
        var b = Encoding.UTF8.GetBytes(s);
        return [(byte)(b.Length >> 8), (byte)b.Length, .. b];
    }

    private static byte[] Length(int n)
    {
        var bytes = new List<byte>();
        do
        {
            var digit = (byte)(n % 128);
            n /= 128;
            bytes.Add(n > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (n > 0);
        return [.. bytes];
    }
}
