using MppSignage.Shared.Control;
using static MppSignage.Shared.Tests.Control.EvaluationBuilder;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

public sealed class LcdTextTests
{
    [Fact]
    public void For_Open_ShowsClosingTime()
    {
        var state = DoorDecision.Decide(Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), null, true, J(2024, 7, 1, 9, 0), DoorDecisionOptions.Default);
        var (l1, l2) = LcdText.For(state, Jakarta);
        Assert.Equal("BUKA s/d 14.00  ", l1);
        Assert.Equal(16, l2.Length);
    }

    [Fact]
    public void For_ClosedOverWeekend_ShowsNextOpeningDay()
    {
        var state = DoorDecision.Decide(Closed(J(2024, 7, 5, 11, 0), J(2024, 7, 8, 8, 0)), null, true, J(2024, 7, 6, 9, 0), DoorDecisionOptions.Default);
        Assert.Equal(("TUTUP           ", "Buka Sen 08.00  "), LcdText.For(state, Jakarta));
    }

    [Fact]
    public void For_Holiday_ShowsAsciiFoldedName()
    {
        var state = DoorDecision.Decide(Closed(J(2024, 8, 17, 0, 0), J(2024, 8, 19, 8, 0), name: "Hari Kemerdekaan RI ke-79", reason: MppSignage.Shared.Schedule.ScheduleReason.Holiday), null, true, J(2024, 8, 17, 9, 0), DoorDecisionOptions.Default);
        Assert.Equal("Hari Kemerdekaan", LcdText.For(state, Jakarta).Line2);
        Assert.Equal("Idul Adha 1445 H", LcdText.Fit("Idul Adha 1445 H"));
        Assert.Equal("Senin-Kamis     ", LcdText.Fit("Sénin–Kamis"));
    }
}
