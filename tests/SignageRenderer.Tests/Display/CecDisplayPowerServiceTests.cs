using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Display;
using MppSignage.SignageRenderer.Options;
using MppSignage.TestSupport;
using NodaTime;
using static MppSignage.SignageRenderer.Tests.Display.Statuses;

namespace MppSignage.SignageRenderer.Tests.Display;

/// <summary>The renderer-side step: its state (status, announcements) → the TV, through a stand-in cec-ctl.</summary>
public sealed class CecDisplayPowerServiceTests : IDisposable
{
    private readonly FakeCecCtl _cec = new();
    private readonly FakeTimeProvider _time = new(Wib(1, 22, 0));

    private (CecDisplayPowerService Service, SignageState State, CecDisplayPower Power) Create()
    {
        var options = SignageOptions.Load(new ConfigurationBuilder().Build(), out var problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
        var power = new CecDisplayPower(Microsoft.Extensions.Options.Options.Create(new CecOptions { Enabled = true, CecCtlPath = _cec.Path, RetryDelay = TimeSpan.Zero }), _time, new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<CecDisplayPower>());
        var state = new SignageState(Instant.FromDateTimeOffset(_time.GetUtcNow()));
        return (new CecDisplayPowerService(power, state, Microsoft.Extensions.Options.Options.Create(options), _time), state, power);
    }

    [Fact]
    public async Task ApplyOnce_ClosedAtNight_Standby()
    {
        var (service, state, power) = Create();
        using var _ = power;
        state.SetStatus(Closed(Wib(1, 14, 0), Wib(2, 8, 0)));

        Assert.Equal(CecPower.Standby, await service.ApplyOnceAsync(CancellationToken.None));
        Assert.Equal("-d /dev/cec0 --skip-info --to 0 --standby", _cec.Calls[^1]);
    }

    [Fact]
    public async Task ApplyOnce_EmergencyAnnouncementAtNight_WakesTv()
    {
        var (service, state, power) = Create();
        using var _ = power;
        state.SetStatus(Closed(Wib(1, 14, 0), Wib(2, 8, 0)));
        await service.ApplyOnceAsync(CancellationToken.None);

        state.SetAnnouncements([new Announcement
        {
            Id = "banjir", Kind = AnnouncementKind.Text, Priority = AnnouncementPriority.Emergency,
            Title = new LocalizedText("Evakuasi", null),
        }]);

        Assert.Equal(CecPower.On, await service.ApplyOnceAsync(CancellationToken.None));
    }

    public void Dispose() => _cec.Dispose();
}
