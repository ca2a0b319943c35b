using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MppSignage.Controller.Hosting;

/// <summary>
/// Latency figures of the command path (System.Diagnostics.Metrics, meter <c>MppSignage.Controller</c>):
/// cheap when nobody listens, readable with <c>dotnet-counters</c> and by ControllerBench's MeterListener,
/// which uses them to explain its end-to-end figure stage by stage.
/// </summary>
internal static class ControllerMetrics
{
    public const string MeterName = "MppSignage.Controller";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Making a command's state durable (write, fsync, rename, directory fsync), in ms.</summary>
    public static readonly Histogram<double> StateSave = Meter.CreateHistogram<double>("mpp.controller.state.save", "ms", "time to make a command's state durable");

    /// <summary>One journal batch append with its fsync, in ms.</summary>
    public static readonly Histogram<double> JournalAppend = Meter.CreateHistogram<double>("mpp.controller.journal.append", "ms", "time to append and fsync a journal batch");

    /// <summary>From setting a retained payload (status, schedule) to handing it to MQTTnet, in ms (tag topic).</summary>
    public static readonly Histogram<double> RetainedQueued = Meter.CreateHistogram<double>("mpp.controller.retained.queued", "ms", "time a retained payload waited in the outbox");

    /// <summary>One QoS 1 publish, from the call to its PUBACK, in ms (tag topic).</summary>
    public static readonly Histogram<double> Publish = Meter.CreateHistogram<double>("mpp.controller.publish", "ms", "QoS 1 publish until PUBACK");

    /// <summary>Milliseconds since <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static double Since(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
