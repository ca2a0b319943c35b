using MppSignage.Shared.Control;
using NodaTime;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

/// <summary>Issue 14 item 5: the relay log says why, not "override, override".</summary>
public sealed class DoorWhyTests
{
    private static readonly Instant Now = J(2026, 12, 1, 14, 50);

    [Fact]
    public void Describe_Override_NamesWhoUntilWhenAndWhy()
    {
        var o = new OverrideState(true, Now + Duration.FromHours(1), "staff", "antrian masih panjang", Now);
        var state = State(DoorReason.Override, DoorMode.Override) with { Override = o };
        Assert.Equal("override by staff until 2026-12-01T15:50:00+07:00 (antrian masih panjang)", DoorWhy.Describe(state, Jakarta));
    }

    [Theory]
    [InlineData(DoorReason.Holiday, "Hari Raya Natal", "schedule: holiday 'Hari Raya Natal'")]      // holiday name
    [InlineData(DoorReason.Closure, "Rapat kerja", "schedule: closure 'Rapat kerja'")]              // one-off closure
    [InlineData(DoorReason.Special, "Ramadan", "schedule: special hours 'Ramadan'")]               // special period
    [InlineData(DoorReason.Regular, null, "schedule: regular hours")]                             // the week
    public void Describe_Schedule_NamesTheRule(DoorReason reason, string? name, string expected)
    {
        Assert.Equal(expected, DoorWhy.Describe(State(reason, DoorMode.Auto) with { Name = name }, Jakarta));
    }

    private static DoorState State(DoorReason reason, DoorMode mode) => new()
    {
        Open = true,
        Phase = DoorPhase.Open,
        Mode = mode,
        Reason = reason,
        ClockSynced = true,
        EvaluatedAt = Now,
    };
}
