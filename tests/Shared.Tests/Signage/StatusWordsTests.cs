using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Signage;
using MppSignage.TestSupport;
using NodaTime;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Signage;

/// <summary>Issue 14 items 1 and 15: what the status slide says for an open override after hours and on a holiday.</summary>
public sealed class StatusWordsTests
{
    private static readonly SignageSlides Words = new(Jakarta);

    [Fact]
    public void Status_HolidayName_HasAnEnglishLine()
    {
        var at = J(2024, 8, 17, 10, 0);
        var state = DoorDecision.Decide(Schedules.Default.Evaluate(at), null, clockSynced: true, at, DoorDecisionOptions.Default);
        var s = Words.Status(StatusMessages.From(state, state.Open, Jakarta, at), at);
        Assert.Contains(new LocalizedText("Hari Kemerdekaan Republik Indonesia", SignageWords.PublicHolidayEn), s.Details);
        Assert.All(s.Details, d => Assert.False(string.IsNullOrWhiteSpace(d.En), $"'{d.Id}' has no English line"));
    }

    [Fact]
    public void Status_OpenOverrideAfterHours_SaysWhenItClosesToday()
    {
        // Staff open at 14:50 for a queue; the default open override ends at 15:50 (issue 14 item 1).
        var at = J(2026, 12, 1, 14, 50);
        var policy = new OverridePolicy(OverrideRules.DefaultMaximum, OverridePolicy.DefaultOpenOutsideHours, Jakarta);
        var evaluation = Schedules.Default.Evaluate(at);
        var o = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, null, "antrian masih panjang"), "staff", at, evaluation, policy).Override;
        var state = DoorDecision.Decide(evaluation, o, clockSynced: true, at, DoorDecisionOptions.Default);
        var s = Words.Status(StatusMessages.From(state, state.Open, Jakarta, at), at);
        Assert.Equal(new LocalizedText("BUKA", "OPEN"), s.Headline);
        Assert.Equal("Tutup pukul 15.50 · 1 jam lagi", s.Primary!.Id);
        Assert.DoesNotContain("Desember", s.Primary.Id); // not a date the next night
        var later = at + Duration.FromMinutes(5);
        Assert.Contains("15.50", Words.Status(StatusMessages.From(DoorDecision.Decide(Schedules.Default.Evaluate(later), o, true, later, DoorDecisionOptions.Default), true, Jakarta, later), later).Primary!.Id);
    }
}
