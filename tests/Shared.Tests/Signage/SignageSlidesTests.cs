using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Signage;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.Shared.Tests.Signage;

/// <summary>The words of the slides at given instants, from the repository's Probolinggo schedule.</summary>
public sealed class SignageSlidesTests
{
    private static readonly SignageSlides Words = new(Jakarta);

    private static SiteSchedule Schedule => Schedules.Default;

    private static StatusSlideModel StatusAt(NodaTime.Instant at) => Words.Status(StatusOf(Schedule, at), at);

    /// <summary>The status a controller in automatic mode with a synchronised clock publishes at <paramref name="at"/>.</summary>
    private static StatusMessage StatusOf(SiteSchedule schedule, NodaTime.Instant at)
    {
        var state = DoorDecision.Decide(schedule.Evaluate(at), null, clockSynced: true, at, DoorDecisionOptions.Default);
        return StatusMessages.From(state, state.Open, schedule.Zone, at);
    }

    [Fact]
    public void Status_OpenMorning_SaysOpenUntilAndTodaysHours()
    {
        var s = StatusAt(J(2024, 7, 1, 9, 15));

        Assert.Equal(StatusTone.Open, s.Tone);
        Assert.Equal(new LocalizedText("BUKA", "OPEN"), s.Headline);
        Assert.Equal("Buka hingga 14.00 WIB", s.Primary!.Id);
        Assert.Equal("Open until 14:00 WIB", s.Primary.En);
        Assert.Contains(new LocalizedText("Hari ini 08.00–14.00 WIB", "Today 08:00–14:00 WIB"), s.Details);
        Assert.Null(s.Notice);
    }

    [Fact]
    public void Status_LastHour_ShowsCountdown()
    {
        var s = StatusAt(J(2024, 7, 1, 13, 35));

        Assert.Equal("Tutup pukul 14.00 · 25 menit lagi", s.Primary!.Id);
        Assert.Equal("Closes at 14:00 · in 25 minutes", s.Primary.En);
        Assert.Equal(StatusTone.Open, s.Tone);
    }

    [Fact]
    public void Status_ClosingSoonPhase_UsesClosingSoonTone()
    {
        var s = StatusAt(J(2024, 7, 1, 13, 50));

        Assert.Equal(StatusTone.ClosingSoon, s.Tone);
        Assert.Equal("Tutup pukul 14.00 · 10 menit lagi", s.Primary!.Id);
    }

    [Fact]
    public void Status_FridayEvening_NextOpeningIsMonday()
    {
        var s = StatusAt(J(2024, 7, 5, 20, 0));

        Assert.Equal(StatusTone.Closed, s.Tone);
        Assert.Equal(new LocalizedText("TUTUP", "CLOSED"), s.Headline);
        Assert.Equal("Buka kembali Senin, 8 Juli 2024 pukul 08.00 WIB", s.Primary!.Id);
        Assert.Equal("Open again Monday, 8 July 2024 at 08:00 WIB", s.Primary.En);
    }

    [Fact]
    public void Status_EveningBeforeWorkday_SaysTomorrow()
    {
        var s = StatusAt(J(2024, 7, 1, 18, 0));

        Assert.Equal("Buka kembali besok pukul 08.00 WIB", s.Primary!.Id);
    }

    [Fact]
    public void Status_EarlyMorning_CountsDownToOpening()
    {
        var s = StatusAt(J(2024, 7, 2, 7, 40));

        Assert.Equal("Buka pukul 08.00 · 20 menit lagi", s.Primary!.Id);
    }

    [Fact]
    public void Status_Holiday_NamesItAndNextOpening()
    {
        var s = StatusAt(J(2024, 6, 17, 10, 0));

        Assert.Equal(StatusTone.Closed, s.Tone);
        Assert.Contains(s.Details, d => d.Id == "Hari Raya Idul Adha 1445 Hijriah");
        // 18 June is cuti bersama, which this schedule closes on: next opening is the 19th.
        Assert.Equal("Buka kembali Rabu, 19 Juni 2024 pukul 08.00 WIB", s.Primary!.Id);
    }

    [Fact]
    public void Status_Override_ShowsReason()
    {
        var status = StatusOf(Schedule, J(2024, 7, 1, 15, 0)) with
        {
            State = "open",
            Phase = "open",
            Mode = "override",
            Reason = "override",
            OpensAt = null,
            ClosesAt = null,
            Override = new MppSignage.Shared.Mqtt.OverrideInfo { State = "open", By = "staff", Reason = "Antrean masih panjang" },
        };

        var s = Words.Status(status, J(2024, 7, 1, 15, 0));

        Assert.Equal("BUKA", s.Headline.Id);
        Assert.Contains(s.Details, d => d.Id == "Diatur petugas: Antrean masih panjang");
    }

    [Fact]
    public void Status_ClockUnsynchronised_ShowsNotice()
    {
        var status = StatusOf(Schedule, J(2024, 7, 1, 9, 0)) with
        {
            State = "closed",
            Phase = "closed",
            Reason = "clock-unsynchronised",
            ClockSynced = false,
            ClosesAt = null,
            OpensAt = null,
        };

        var s = Words.Status(status, J(2024, 7, 1, 9, 0));

        Assert.Equal(StatusTone.Unknown, s.Tone);
        Assert.Equal("Waktu belum tersinkron, status belum pasti", s.Notice!.Id);
        Assert.Equal("Time not synchronised, status not certain", s.Notice.En);
    }

    [Fact]
    public void Status_NothingReceived_SaysWaiting()
    {
        var s = Words.Status(null, J(2024, 7, 1, 9, 0));

        Assert.Equal(StatusTone.Unknown, s.Tone);
        Assert.Equal("BELUM PASTI", s.Headline.Id);
        Assert.Equal(SignageWords.WaitingForStatus, s.Primary);
    }

    [Fact]
    public void Hours_Week_HolidaysAndDecree()
    {
        var h = Words.Hours(Schedule, J(2024, 6, 10, 9, 0));

        Assert.Equal(
            ["Senin–Kamis 08.00–13.00 WIB", "Jumat 08.00–11.00 WIB", "Sabtu–Minggu tutup"],
            h.Week.Select(l => l.Id));
        Assert.Equal("Saturday–Sunday closed", h.Week[2].En);
        // Idul Adha (17 June) and its cuti bersama (18 June) share the name: one line for both days.
        Assert.Equal("17–18 Juni 2024 · Hari Raya Idul Adha 1445 Hijriah", h.Holidays[0].Id);
        Assert.Equal("17–18 June 2024", h.Holidays[0].En);
        Assert.StartsWith("Minggu, 7 Juli 2024 · Tahun Baru Islam", h.Holidays[1].Id);
        Assert.StartsWith("Dasar: Jam layanan sebelum SK 2024", h.Source);
    }

    [Fact]
    public void Hours_AfterNewDecree_ShowsNewHoursAndReference()
    {
        var h = Words.Hours(Schedule, J(2024, 7, 1, 9, 0));

        Assert.Equal("Senin–Kamis 08.00–14.00 WIB", h.Week[0].Id);
        Assert.Equal("Dasar: SK DPMPTSP Kota Probolinggo No. 500.16.7.2/290/425.117/2024", h.Source);
    }

    [Fact]
    public void Hours_ConsecutiveDaysOfOneHoliday_MergeIntoOneLine()
    {
        var h = Words.Hours(Schedule, J(2024, 4, 1, 9, 0));

        // Idul Fitri 1445: 8-12 April are one run (cuti bersama and libur nasional share the name).
        Assert.Contains(h.Holidays, l => l.Id == "8–12 April 2024 · Hari Raya Idul Fitri 1445 Hijriah");
    }

    [Fact]
    public void Footer_DateTimeInIndonesian_AndStaleBadgeWithSince()
    {
        var fresh = Words.Footer(J(2024, 7, 1, 8, 15), null);
        var stale = Words.Footer(J(2024, 7, 1, 8, 15), J(2024, 7, 1, 8, 5));

        Assert.Equal("Senin, 1 Juli 2024 · 08.15 WIB", fresh.DateTime);
        Assert.Null(fresh.Warning);
        Assert.Equal("Informasi mungkin tidak terbaru (sejak 08.05)", stale.Warning!.Id);
    }

    [Theory]
    // international with plus and spaces
    [InlineData("+62 812-3456-7890", "https://wa.me/6281234567890")]
    // national form
    [InlineData("0812 3456 7890", "https://wa.me/6281234567890")]
    // already digits
    [InlineData("6281234567890", "https://wa.me/6281234567890")]
    public void Qr_WhatsAppNumber_BecomesWaMeLink(string number, string url)
    {
        var qr = SignageSlides.Qr(number, null)!;

        Assert.Equal(url, qr.Items.Single().Url);
        Assert.Equal("WA SMART MPP", qr.Items[0].Label);
        Assert.Contains("0812-3456-7890", qr.Items[0].Caption!.Id);
    }

    [Fact]
    public void Announcement_Emergency_UsesEmergencyKicker()
    {
        var a = new Announcement { Id = "x", Kind = AnnouncementKind.Text, Title = new("Gangguan listrik"), Priority = AnnouncementPriority.Emergency };

        var model = Assert.IsType<AnnouncementSlideModel>(SignageSlides.Announcement(a));

        Assert.True(model.Emergency);
        Assert.Equal("PENGUMUMAN DARURAT", model.Kicker.Id);
    }

    [Fact]
    public void Models_SameInputs_AreEqual_SoNothingIsRedrawn()
    {
        Assert.Equal(StatusAt(J(2024, 7, 1, 9, 15)), StatusAt(J(2024, 7, 1, 9, 15)));
        Assert.Equal(Words.Hours(Schedule, J(2024, 7, 1, 9, 0)), Words.Hours(Schedule, J(2024, 7, 1, 9, 0)));
        Assert.NotEqual(StatusAt(J(2024, 7, 1, 13, 35)), StatusAt(J(2024, 7, 1, 13, 36)));
    }
}
