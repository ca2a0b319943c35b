using MppSignage.Shared.Control;
using NodaTime;

namespace MppSignage.Shared.Tests.Control;

public sealed class ButtonTrackerTests
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 7, 1, 3, 0);

    private static Instant Ms(double ms) => T0 + Duration.FromMilliseconds(ms);

    [Fact]
    public void Bounces_ShorterThanDebounce_GiveNothing()
    {
        var t = new ButtonTracker(Duration.FromMilliseconds(50), Duration.FromSeconds(3));
        t.OnRawEdge(true, Ms(0));
        t.OnRawEdge(false, Ms(5));
        t.OnRawEdge(true, Ms(9));
        t.OnRawEdge(false, Ms(20));
        Assert.Null(t.Poll(Ms(100)));
        Assert.False(t.IsPressed);
        Assert.Null(t.NextDeadline);
    }

    [Fact]
    public void ShortPress_WithContactBounce_GivesOneShortPress()
    {
        var t = new ButtonTracker(Duration.FromMilliseconds(50), Duration.FromSeconds(3));
        t.OnRawEdge(true, Ms(0));
        t.OnRawEdge(false, Ms(2));
        t.OnRawEdge(true, Ms(4));             // bounce settles pressed at 4 ms
        Assert.Equal(Ms(54), t.NextDeadline);
        Assert.Null(t.Poll(Ms(54)));
        Assert.True(t.IsPressed);
        t.OnRawEdge(false, Ms(300));
        Assert.Equal(ButtonGesture.ShortPress, t.Poll(Ms(350)));
        Assert.Null(t.Poll(Ms(1000)));
    }

    [Fact]
    public void LongPress_FiresOnceAtThreshold_AndNotAgainOnRelease()
    {
        var t = new ButtonTracker(Duration.FromMilliseconds(50), Duration.FromSeconds(3));
        t.OnRawEdge(true, Ms(0));
        Assert.Null(t.Poll(Ms(50)));
        Assert.Equal(Ms(3000), t.NextDeadline);
        Assert.Null(t.Poll(Ms(2999)));
        Assert.Equal(ButtonGesture.LongPress, t.Poll(Ms(3000)));
        t.OnRawEdge(false, Ms(4000));
        Assert.Null(t.Poll(Ms(4050)));
    }
}
