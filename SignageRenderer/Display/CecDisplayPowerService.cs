using Microsoft.Extensions.Hosting;
using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Options;
using Microsoft.Extensions.Options;
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
    private readonly SignageOptions _options;
    private readonly DateTimeZone _zone;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public CecDisplayPowerService(CecDisplayPower power, SignageState state, IOptions<SignageOptions> options, TimeProvider time)
    {
        _power = power;
        _state = state;
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _zone = _options.Site.Zone() ?? throw new ArgumentException("Site:TimeZone is invalid: validate the options (SignageOptionsValidator) first.", nameof(options));
        _time = time;
    }

    /// <summary>One step: the wanted power for the state now, sent when it changed.</summary>
    public Task<CecPower?> ApplyOnceAsync(CancellationToken cancellationToken)
    {
        var snapshot = _state.Snapshot();
        var now = Instant.FromDateTimeOffset(_time.GetUtcNow());
        var emergency = AnnouncementRotation.Eligible(snapshot.Announcements, _options.Screen.ScreenId(), now, _zone, when: null)
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
