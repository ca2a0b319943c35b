using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Protocol;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// What the controller wants on the broker, independent of whether it is connected: the latest payload of
/// each retained topic (republished in full after every reconnect) and a bounded queue of non-retained
/// messages (events and command results). The MQTT client drains it.
/// </summary>
public sealed class ControllerOutbox
{
    /// <summary>
    /// Events and results kept while the broker is away or slow. When full, a new one is not queued and
    /// counted instead; the sender then publishes an explicit <c>overflow</c> event with the count
    /// (see <see cref="TakeDropped"/>), so nothing is lost silently (the local journal keeps every line).
    /// </summary>
    public const int MaxQueued = 500;

    private readonly object _lock = new();
    private readonly Dictionary<string, byte[]> _retained = new(StringComparer.Ordinal);
    // Dirty retained topics with the Stopwatch timestamp of the change (for the queued-time metric).
    private readonly Dictionary<string, long> _dirty = new(StringComparer.Ordinal);
    private readonly Channel<MqttApplicationMessage> _queue =
        Channel.CreateBounded<MqttApplicationMessage>(new BoundedChannelOptions(MaxQueued) { FullMode = BoundedChannelFullMode.Wait });
    private long _dropped;
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Sets the retained payload of <paramref name="topic"/>; published now if connected, else on reconnect.</summary>
    public void SetRetained(string topic, byte[] payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        lock (_lock)
        {
            if (_retained.TryGetValue(topic, out var old) && old.AsSpan().SequenceEqual(payload))
            {
                return;
            }

            _retained[topic] = payload;
            _dirty[topic] = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        Wake();
    }

    /// <summary>The current retained payload of <paramref name="topic"/>, or null.</summary>
    public byte[]? GetRetained(string topic)
    {
        lock (_lock)
        {
            return _retained.TryGetValue(topic, out var p) ? p : null;
        }
    }

    /// <summary>Queues a non-retained QoS 1 message.</summary>
    public void Publish(string topic, byte[] payload, byte[]? correlationData = null)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json");
        if (correlationData is not null)
        {
            builder.WithCorrelationData(correlationData);
        }

        if (!_queue.Writer.TryWrite(builder.Build()))
        {
            // Full (FullMode.Wait makes TryWrite refuse rather than evict): counted, reported by TakeDropped.
            Interlocked.Increment(ref _dropped);
        }

        Wake();
    }

    /// <summary>Messages refused since the last call because the queue was full (0 when none).</summary>
    public long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

    /// <summary>Puts back a count <see cref="TakeDropped"/> returned whose overflow event could not be sent.</summary>
    public void ReturnDropped(long count) => Interlocked.Add(ref _dropped, count);

    /// <summary>Marks every retained topic for republishing (after a reconnect).</summary>
    public void MarkAllDirty()
    {
        lock (_lock)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var topic in _retained.Keys)
            {
                _dirty.TryAdd(topic, now);
            }
        }

        Wake();
    }

    /// <summary>Takes the retained topics to (re)publish, with the Stopwatch timestamp of each change.</summary>
    public IReadOnlyList<(string Topic, byte[] Payload, long Since)> TakeDirty()
    {
        lock (_lock)
        {
            var list = _dirty.Select(d => (d.Key, _retained[d.Key], d.Value)).ToList();
            _dirty.Clear();
            return list;
        }
    }

    /// <summary>Puts back retained topics whose publishing failed.</summary>
    public void ReturnDirty(IEnumerable<string> topics)
    {
        lock (_lock)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            foreach (var topic in topics)
            {
                _dirty.TryAdd(topic, now);
            }
        }
    }

    /// <summary>Takes a queued message, if any.</summary>
    public bool TryTake(out MqttApplicationMessage? message) => _queue.Reader.TryRead(out message);

    /// <summary>Waits until something is to be sent (or the timeout passes).</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <summary>Wakes the sender.</summary>
    public void Wake()
    {
        // Several wakes collapse into a few loop turns; the sender drains everything each turn.
        if (_signal.CurrentCount < 4)
        {
            _signal.Release();
        }
    }
}
