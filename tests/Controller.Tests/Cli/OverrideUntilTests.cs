using MppSignage.Controller.Cli;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>Issue 14 item 3: a local or relative <c>--until</c> says which instant it was taken as.</summary>
public sealed class OverrideUntilTests
{
    [Theory]
    [InlineData("10:00", "--until 10:00 understood as 2026-12-02T10:00:00+07:00 (tomorrow; now is 2026-12-01T14:00:00+07:00)")] // already past today: tomorrow, said so
    [InlineData("15.30", "--until 15.30 understood as 2026-12-01T15:30:00+07:00 (today; now is 2026-12-01T14:00:00+07:00)")]    // later today
    [InlineData("+2h", "--until +2h understood as 2026-12-01T16:00:00+07:00 (today; now is 2026-12-01T14:00:00+07:00)")]        // relative
    public void Understood_LocalOrRelative_NamesTheInstantInSiteTime(string text, string expected)
    {
        var now = J(2026, 12, 1, 14, 0);
        var until = OverrideVerb.ParseUntil(text, Jakarta, now)!.Value;
        Assert.Equal(expected, OverrideVerb.Understood(text, until, Jakarta, now));
    }

    [Fact]
    public void Understood_FullInstant_AddsNothing()
    {
        var now = J(2026, 12, 1, 14, 0);
        Assert.Null(OverrideVerb.Understood("2026-12-01T15:00:00+07:00", J(2026, 12, 1, 15, 0), Jakarta, now));
    }
}
