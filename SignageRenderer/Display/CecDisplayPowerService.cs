using Microsoft.Extensions.Hosting;
using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Options;
using NodaTime;

namespace MppSignage.SignageRenderer.Display;

/// <summary>
/// Applies <see cref="CecDisplayPower"/> every <see cref="PollInterval"/> from the renderer's state: the
/// controller's last status, and whether an emergency announcement for this screen is in force. Polling
/// (not the render loop's change signal, which has one consumer) is enough: the offsets are minutes.
/// </summary>
public sealed class CecDisplayPowerService : BackgroundService
{
    /// <summary>How often the wanted power is recomputed.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private readonly CecDisplayPower _power;
    private readonly SignageState _state;
    private readonly SignageSettings _settings;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public CecDisplayPowerService(CecDisplayPower power, SignageState state, SignageSettings settings, TimeProvider time)
    {
        _power = power;
        _state = state;
        _settings = settings;
        _time = time;
    }

    /// <summary>One step: the wanted power for the state now, sent when it changed.</summary>
    public Task<CecPower?> ApplyOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = _state.Snapshot();
        var now = Instant.FromDateTimeOffset(_time.GetUtcNow());
        var emergency = AnnouncementRotation.Eligible(snapshot.Announcements, _settings.ScreenId, now, _settings.Zone, when: null)
            .Any(a => a.Priority == AnnouncementPriority.Emergency);
        return _power.UpdateAsync(snapshot.Status, emergency, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ApplyOnceAsync(stoppingToken).ConfigureAwait(false);
            await Task.Delay(PollInterval, _time, stoppingToken).ConfigureAwait(false);
        }
    }
}
