using MppSignage.SignageRenderer.Display;
using static MppSignage.SignageRenderer.Tests.Display.Statuses;

namespace MppSignage.SignageRenderer.Tests.Display;

public sealed class CecPowerPolicyTests
{
    // Monday 1 July 2024: open 08.00-14.00; closed since 14.00 with the next opening Tuesday 08.00.
    private static readonly CecOptions Options = new() { Enabled = true, WakeBeforeOpening = TimeSpan.FromMinutes(15), StandbyAfterClosing = TimeSpan.FromMinutes(10) };
    private static readonly Shared.Mqtt.StatusMessage ClosedMondayAfternoon = Closed(since: Wib(1, 14, 0), opensAt: Wib(2, 8, 0));

    [Fact]
    public void Desired_Open_On() =>
        Assert.Equal(CecPower.On, CecPowerPolicy.Desired(Open(Wib(1, 8, 0), Wib(1, 14, 0)), Wib(1, 10, 0), Options));

    [Theory]
    [InlineData(1, 14, 0, CecPower.On)] // the moment of closing: still on for late visitors
    [InlineData(1, 14, 9, CecPower.On)] // inside the 10-minute grace
    [InlineData(1, 14, 10, CecPower.Standby)] // grace over
    [InlineData(1, 23, 0, CecPower.Standby)] // night
    [InlineData(2, 7, 44, CecPower.Standby)] // 16 minutes before opening
    [InlineData(2, 7, 45, CecPower.On)] // exactly WakeBeforeOpening before opensAt
    [InlineData(2, 8, 30, CecPower.On)] // opensAt passed but no new status yet (broker lost): stay on
    public void Desired_Closed_FollowsOffsetsAroundOpensAtAndSince(int day, int hour, int minute, CecPower expected) =>
        Assert.Equal(expected, CecPowerPolicy.Desired(ClosedMondayAfternoon, Wib(day, hour, minute), Options));

    [Fact]
    public void Desired_OffsetsFromOptions_AreUsed()
    {
        var early = new CecOptions { Enabled = true, WakeBeforeOpening = TimeSpan.FromHours(1), StandbyAfterClosing = TimeSpan.Zero };

        Assert.Equal(CecPower.On, CecPowerPolicy.Desired(ClosedMondayAfternoon, Wib(2, 7, 0), early));
        Assert.Equal(CecPower.Standby, CecPowerPolicy.Desired(ClosedMondayAfternoon, Wib(1, 14, 0), early));
    }

    [Fact]
    public void Desired_ClosedWithoutNextOpening_StandbyAfterGrace() =>
        Assert.Equal(CecPower.Standby, CecPowerPolicy.Desired(Closed(Wib(1, 14, 0), opensAt: null), Wib(1, 15, 0), Options));

    [Fact]
    public void Desired_NoStatusYet_LeavesTheTvAlone() =>
        Assert.Null(CecPowerPolicy.Desired(null, Wib(1, 10, 0), Options));

    [Fact]
    public void Desired_ClockNotSynchronised_LeavesTheTvAlone() =>
        Assert.Null(CecPowerPolicy.Desired(Closed(Wib(1, 0, 0), opensAt: null, clockSynced: false), Wib(1, 3, 0), Options));

    [Fact]
    public void Desired_ForceOn_OnEvenAtNightAndWithoutStatus()
    {
        Assert.Equal(CecPower.On, CecPowerPolicy.Desired(ClosedMondayAfternoon, Wib(1, 23, 0), Options, forceOn: true));
        Assert.Equal(CecPower.On, CecPowerPolicy.Desired(null, Wib(1, 23, 0), Options, forceOn: true));
    }
}
