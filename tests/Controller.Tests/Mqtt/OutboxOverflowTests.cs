using MppSignage.Controller.Mqtt;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Issue 10 item 3: a full outbox counts what it could not queue instead of dropping silently.</summary>
public sealed class OutboxOverflowTests
{
    [Fact]
    public void Publish_BeyondTheQueue_KeepsTheOldest_AndCountsTheRest()
    {
        var outbox = new ControllerOutbox();
        for (var i = 0; i < ControllerOutbox.MaxQueued + 37; i++)
        {
            outbox.Publish("mpp/probolinggo/events", [(byte)(i % 256)]);
        }

        Assert.Equal(37, outbox.TakeDropped());
        Assert.Equal(0, outbox.TakeDropped());   // reported once
        var first = outbox.TryTake(out var m) ? m!.Payload.FirstSpan[0] : -1;
        Assert.Equal(0, first);                  // nothing already queued was evicted
        outbox.ReturnDropped(5);
        Assert.Equal(5, outbox.TakeDropped());
    }
}
