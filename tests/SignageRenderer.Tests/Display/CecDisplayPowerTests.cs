using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MppSignage.SignageRenderer.Display;
using MppSignage.TestSupport;
using static MppSignage.SignageRenderer.Tests.Display.Statuses;

namespace MppSignage.SignageRenderer.Tests.Display;

public sealed class CecDisplayPowerTests : IDisposable
{
    private readonly FakeCecCtl _cec = new();
    private readonly FakeTimeProvider _time = new(Wib(1, 7, 50));
    private readonly LogCollector _log = new(minimumLevel: LogLevel.Trace);

    private static readonly Shared.Mqtt.StatusMessage OpenMonday = Open(Wib(1, 8, 0), Wib(1, 14, 0));
    private static readonly Shared.Mqtt.StatusMessage ClosedMonday = Closed(Wib(1, 14, 0), Wib(2, 8, 0));

    private CecDisplayPower Create(bool enabled = true, int attempts = 3, string? cecCtlPath = null) => new(
        Microsoft.Extensions.Options.Options.Create(new CecOptions
        {
            Enabled = enabled, CecCtlPath = cecCtlPath ?? _cec.Path, Device = "/dev/cec0", Attempts = attempts,
            RetryDelay = TimeSpan.Zero, RetryFailedAfter = TimeSpan.FromMinutes(5),
        }),
        _time,
        _log.CreateLogger<CecDisplayPower>());

    [Fact]
    public async Task Update_Opening_WakesTvWithImageViewOnAndBecomesActiveSource()
    {
        using var power = Create();
        _time.SetUtcNow(Wib(1, 8, 0));

        var sent = await power.UpdateAsync(OpenMonday, forceOn: false, CancellationToken.None);

        Assert.Equal(CecPower.On, sent);
        Assert.Equal(
            ["-d /dev/cec0 --playback", "-d /dev/cec0 --skip-info --to 0 --image-view-on", "-d /dev/cec0 --skip-info --to 0 --active-source phys-addr=1.0.0.0"],
            _cec.Calls);
        Assert.Contains(_log.Entries, e => e.EventId == 9100 && e.Message.Contains("TV On", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Update_SameWantedStateAgain_SendsNothing()
    {
        using var power = Create();
        _time.SetUtcNow(Wib(1, 9, 0));
        await power.UpdateAsync(OpenMonday, false, CancellationToken.None);
        var calls = _cec.Calls.Count;

        _time.Advance(TimeSpan.FromMinutes(1));
        var sent = await power.UpdateAsync(OpenMonday, false, CancellationToken.None);

        Assert.Null(sent);
        Assert.Equal(calls, _cec.Calls.Count); // a TV switched off by remote is not fought every minute
    }

    [Fact]
    public async Task Update_AfterClosingGrace_PutsTvInStandby()
    {
        using var power = Create();
        _time.SetUtcNow(Wib(1, 13, 0));
        await power.UpdateAsync(OpenMonday, false, CancellationToken.None);

        _time.SetUtcNow(Wib(1, 14, 5));
        Assert.Null(await power.UpdateAsync(ClosedMonday, false, CancellationToken.None)); // grace: still on
        _time.SetUtcNow(Wib(1, 14, 10));
        var sent = await power.UpdateAsync(ClosedMonday, false, CancellationToken.None);

        Assert.Equal(CecPower.Standby, sent);
        Assert.Equal("-d /dev/cec0 --skip-info --to 0 --standby", _cec.Calls[^1]);
        Assert.Equal(CecPower.Standby, power.Applied);
    }

    [Fact]
    public async Task Update_TvDoesNotAnswer_RetriesThenLogsAWarningAndWaitsBeforeTryingAgain()
    {
        using var power = Create(attempts: 3);
        _cec.TvAnswers = false;
        _time.SetUtcNow(Wib(1, 8, 0));

        var sent = await power.UpdateAsync(OpenMonday, false, CancellationToken.None);

        Assert.Null(sent);
        Assert.Equal(3, _cec.Calls.Count(c => c.EndsWith("--image-view-on", StringComparison.Ordinal)));
        var warning = Assert.Single(_log.Entries, e => e.EventId == 9101);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("did not answer On on /dev/cec0 after 3 attempts: Tx, Not Acknowledged (1), Max Retries", warning.Message, StringComparison.Ordinal);

        // Within RetryFailedAfter nothing is sent; after it, the same switch is tried again.
        _time.Advance(TimeSpan.FromMinutes(4));
        await power.UpdateAsync(OpenMonday, false, CancellationToken.None);
        Assert.Equal(3, _cec.Calls.Count(c => c.EndsWith("--image-view-on", StringComparison.Ordinal)));
        _cec.TvAnswers = true;
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(CecPower.On, await power.UpdateAsync(OpenMonday, false, CancellationToken.None));
        Assert.Equal(4, _cec.Calls.Count(c => c.EndsWith("--image-view-on", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Update_EmergencyAtNight_WakesTv()
    {
        using var power = Create();
        _time.SetUtcNow(Wib(1, 22, 0));
        await power.UpdateAsync(ClosedMonday, false, CancellationToken.None);
        Assert.Equal(CecPower.Standby, power.Applied);

        Assert.Equal(CecPower.On, await power.UpdateAsync(ClosedMonday, forceOn: true, CancellationToken.None));
    }

    [Fact]
    public async Task Update_Disabled_NeverRunsCecCtl()
    {
        using var power = Create(enabled: false);
        _time.SetUtcNow(Wib(1, 9, 0));

        Assert.Null(await power.UpdateAsync(OpenMonday, forceOn: true, CancellationToken.None));
        Assert.Empty(_cec.Calls);
    }

    [Fact]
    public async Task Update_CecCtlMissing_WarningSaysWhatToInstall()
    {
        using var power = Create(attempts: 1, cecCtlPath: "/nonexistent/cec-ctl");
        _time.SetUtcNow(Wib(1, 9, 0));

        Assert.Null(await power.UpdateAsync(OpenMonday, false, CancellationToken.None));
        var warning = Assert.Single(_log.Entries, e => e.EventId == 9101);
        Assert.Contains("cannot run /nonexistent/cec-ctl", warning.Message, StringComparison.Ordinal);
        Assert.Contains("install v4l-utils", warning.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _cec.Dispose();
}
