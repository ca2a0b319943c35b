using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;
using static MppSignage.Shared.Tests.Schedule.ScheduleFixtures;

namespace MppSignage.Shared.Tests.Schedule;

public sealed class ScheduleFormatTests
{
    [Fact]
    public void Iso_WritesTheZoneOffset()
    {
        Assert.Equal("2024-07-01T08:00:00+07:00", ScheduleFormat.Iso(Jakarta(2024, 7, 1, 8, 0), Zone));
        Assert.Equal("2024-07-01T09:00:00+08:00", ScheduleFormat.Iso(Jakarta(2024, 7, 1, 8, 0), DateTimeZoneProviders.Tzdb["Asia/Makassar"]));
        Assert.Equal("2024-07-01T01:00:00+00:00", ScheduleFormat.Iso(Jakarta(2024, 7, 1, 8, 0), DateTimeZone.Utc));
    }

    [Fact]
    public void DaySpans_TodayHoursOfTheDefaultSchedule()
    {
        var e = Default.Evaluate(Jakarta(2024, 7, 1, 9, 0));
        Assert.Equal(["08:00-14:00"], ScheduleFormat.DaySpans(e.TodayHours, Zone));
        Assert.Equal("22:00-24:00", ScheduleFormat.DaySpan(new Interval(Jakarta(2024, 7, 1, 22, 0), Jakarta(2024, 7, 2, 0, 0)), Zone));
    }

    [Fact]
    public void Names_AreLowerCaseWords()
    {
        Assert.Equal("unknown", ScheduleFormat.StateName(OpeningState.Unknown));
        Assert.Equal("closure", ScheduleFormat.ReasonName(ScheduleReason.Closure));
        Assert.Equal("special", ScheduleFormat.ReasonName(ScheduleReason.Special));
    }
}
