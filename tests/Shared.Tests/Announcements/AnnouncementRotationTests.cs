using MppSignage.Shared.Announcements;
using NodaTime;
using static MppSignage.Shared.Tests.Announcements.TestAnnouncements;

namespace MppSignage.Shared.Tests.Announcements;

public sealed class AnnouncementRotationTests
{
    private static readonly RotationSettings Settings = new(StatusSeconds: 15, HoursSeconds: 10, QrSeconds: 10, StatusEvery: 2);

    private static SlideSelection Select(IReadOnlyList<Announcement> items, Instant t, string screen = "pintu", IWhenEvaluator? when = null) =>
        AnnouncementRotation.Select(items, screen, t, Jakarta, when, Settings);

    /// <summary>Walks one whole cycle from <paramref name="start"/> and lists the slides in order.</summary>
    private static List<string> Walk(IReadOnlyList<Announcement> items, Instant start, string screen = "pintu")
    {
        var first = Select(items, start, screen);
        var t = first.SlotStart;
        var seen = new List<string>();
        for (var i = 0; i < first.Cycle.Count; i++)
        {
            var s = Select(items, t, screen);
            seen.Add(s.Slide.ToString());
            t = s.SlotEnd;
        }

        return seen;
    }

    [Fact]
    public void BuildCycle_NoAnnouncements_StatusBetweenHoursAndQr()
    {
        var cycle = AnnouncementRotation.BuildCycle([], Settings, out var emergency);

        Assert.False(emergency);
        Assert.Equal(["status", "hours", "qr"], cycle.Select(c => c.Slide.ToString()));
    }

    [Fact]
    public void BuildCycle_HighShownTwice_NormalOnce_StatusEveryTwo()
    {
        var cycle = AnnouncementRotation.BuildCycle([Text("n1"), Text("h1", AnnouncementPriority.High), Text("n2")], Settings, out _);

        Assert.Equal(
            ["status", "hours", "announcement:h1", "status", "qr", "announcement:n1", "status", "announcement:n2", "announcement:h1"],
            cycle.Select(c => c.Slide.ToString()));
    }

    [Fact]
    public void BuildCycle_NothingButStatus_WhenHoursAndQrOff()
    {
        var cycle = AnnouncementRotation.BuildCycle([], Settings with { ShowHours = false, ShowQr = false }, out _);

        Assert.Equal(["status"], cycle.Select(c => c.Slide.ToString()));
    }

    [Fact]
    public void Select_SlotsFollowEachOtherWithTheirDurations()
    {
        var items = new[] { Text("a", seconds: 7) };
        var t0 = At(2024, 7, 1, 9, 0);
        var first = Select(items, t0);
        var t = first.SlotStart;
        var total = Duration.Zero;
        foreach (var _ in first.Cycle)
        {
            var s = Select(items, t);
            Assert.Equal(t, s.SlotStart);
            var expected = s.Slide.Kind switch
            {
                SlideKind.Status => 15,
                SlideKind.Announcement => 7,
                _ => 10,
            };
            Assert.Equal(Duration.FromSeconds(expected), s.SlotEnd - s.SlotStart);
            // Anywhere inside the slot gives the same answer.
            Assert.Equal(s.Slide, Select(items, t + Duration.FromSeconds(expected) - Duration.FromMilliseconds(1)).Slide);
            total += s.SlotEnd - s.SlotStart;
            t = s.SlotEnd;
        }

        Assert.Equal(Duration.FromSeconds(15 + 10 + 15 + 10 + 7), total);
        Assert.Equal(first.Slide, Select(items, first.SlotStart + total).Slide);
    }

    [Fact]
    public void Select_SameInstant_SameAnswerOnEveryScreen()
    {
        var items = new[] { Text("a"), Text("b") };
        var t = At(2024, 7, 1, 10, 17, 33);

        Assert.Equal(Select(items, t, "pintu").Slide, Select(items, t, "lobi").Slide);
    }

    [Fact]
    public void Select_ItemBeforeFrom_NotShown_ShownFromItsStart()
    {
        var items = new[] { Text("promo", from: Off(2024, 7, 1, 10, 0)) };

        Assert.DoesNotContain("announcement:promo", Walk(items, At(2024, 7, 1, 9, 58)));
        Assert.Contains("announcement:promo", Walk(items, At(2024, 7, 1, 10, 0)));
        var before = Select(items, At(2024, 7, 1, 9, 59, 59));
        Assert.True(before.ValidUntil <= At(2024, 7, 1, 10, 0));
    }

    [Fact]
    public void Select_ExpiredItem_LeavesOnTime()
    {
        var until = Off(2024, 7, 1, 12, 0);
        var items = new[] { Text("x", until: until, seconds: 60) };
        // Find a moment where the item is on screen shortly before it expires.
        var t = At(2024, 7, 1, 11, 57);
        SlideSelection s;
        while ((s = Select(items, t)).Slide.AnnouncementId != "x")
        {
            t = s.SlotEnd;
        }

        Assert.True(t < until.ToInstant());
        var onScreen = Select(items, until.ToInstant() - Duration.FromMilliseconds(1));
        Assert.Equal(until.ToInstant(), onScreen.ValidUntil);
        Assert.DoesNotContain("announcement:x", Walk(items, until.ToInstant()));
        Assert.NotEqual("announcement:x", Select(items, until.ToInstant()).Slide.ToString());
    }

    [Fact]
    public void Select_Emergency_TakesOverUntilItExpires()
    {
        var items = new[]
        {
            Text("n"),
            Text("h", AnnouncementPriority.High),
            Text("darurat", AnnouncementPriority.Emergency, from: Off(2024, 7, 1, 10, 0), until: Off(2024, 7, 1, 11, 0)),
        };

        var before = Walk(items, At(2024, 7, 1, 9, 50));
        Assert.Contains("status", before);
        Assert.DoesNotContain("announcement:darurat", before);

        for (var t = At(2024, 7, 1, 10, 0); t < At(2024, 7, 1, 11, 0); t += Duration.FromSeconds(37))
        {
            var s = Select(items, t);
            Assert.True(s.Emergency);
            Assert.Equal("announcement:darurat", s.Slide.ToString());
        }

        var after = Select(items, At(2024, 7, 1, 11, 0));
        Assert.False(after.Emergency);
        Assert.Contains("status", Walk(items, At(2024, 7, 1, 11, 0)));
    }

    [Fact]
    public void Select_TwoEmergencies_RotateBetweenThemOnly()
    {
        var items = new[] { Text("e1", AnnouncementPriority.Emergency), Text("e2", AnnouncementPriority.Emergency), Text("n") };

        Assert.Equal(["announcement:e1", "announcement:e2"], Walk(items, At(2024, 7, 1, 9, 0)).Order());
    }

    [Fact]
    public void Select_ScreenTargeting_OnlyOnNamedScreens()
    {
        var items = new[] { Text("lobi-only", screens: ["lobi"]), Text("darurat-lobi", AnnouncementPriority.Emergency, screens: ["lobi"]) };

        Assert.DoesNotContain(Walk(items, At(2024, 7, 1, 9, 0), "pintu"), s => s.StartsWith("announcement", StringComparison.Ordinal));
        Assert.False(Select(items, At(2024, 7, 1, 9, 0), "pintu").Emergency);
        Assert.True(Select(items, At(2024, 7, 1, 9, 0), "lobi").Emergency);
    }

    [Fact]
    public void Select_WhenExpression_ShownOnlyWhileOpen_RecheckedEachMinute()
    {
        var when = new HourWindow(8, 12);
        var items = new[] { Text("pagi", when: "08:00-12:00") };

        var morning = AnnouncementRotation.Eligible(items, "pintu", At(2024, 7, 1, 11, 59), Jakarta, when);
        var noon = AnnouncementRotation.Eligible(items, "pintu", At(2024, 7, 1, 12, 0), Jakarta, when);
        var s = Select(items, At(2024, 7, 1, 11, 59, 20), when: when);

        Assert.Single(morning);
        Assert.Empty(noon);
        Assert.True(s.ValidUntil <= At(2024, 7, 1, 12, 0));
        // The expression is evaluated in the site's zone: 04:30 UTC is 11:30 WIB.
        Assert.Single(AnnouncementRotation.Eligible(items, "pintu", Instant.FromUtc(2024, 7, 1, 4, 30), Jakarta, when));
    }

    /// <summary>A when-evaluator for tests: open between two whole hours, local time.</summary>
    private sealed class HourWindow(int from, int to) : IWhenEvaluator
    {
        public string? Validate(string expression) => null;

        public bool IsOpen(string expression, LocalDateTime local) => local.Hour >= from && local.Hour < to;
    }
}
