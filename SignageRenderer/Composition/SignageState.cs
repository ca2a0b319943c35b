using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using NodaTime;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.SignageRenderer.Composition;

/// <summary>
/// The renderer's view of the site, filled by the MQTT client and read by the render loop. Thread-safe;
/// every change wakes the render loop. It keeps the last known state when the controller or the broker
/// goes away and records since when, so the screen can say the data may be stale.
/// </summary>
public sealed class SignageState
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private StatusMessage? _status;
    private SiteSchedule? _schedule;
    private IReadOnlyList<Announcement> _announcements = [];
    private IReadOnlySet<string>? _posters;
    private bool _brokerConnected;
    private bool _controllerOnline = true;
    private Instant? _unavailableSince;
    private long _version;

    /// <summary>Creates the state; until the first connection the broker counts as lost since <paramref name="start"/>.</summary>
    public SignageState(Instant start) => _unavailableSince = start;

    /// <summary>Raised after every change (on the thread that made it).</summary>
    public event Action? Changed;

    /// <summary>A consistent copy of the state.</summary>
    public SignageSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new SignageSnapshot(_status, _schedule, _announcements, _unavailableSince, _version) { Posters = _posters };
        }
    }

    /// <summary>Stores a new status (null: the retained status was cleared).</summary>
    public void SetStatus(StatusMessage? status) => Change(() => _status = status);

    /// <summary>Stores a new schedule.</summary>
    public void SetSchedule(SiteSchedule schedule) => Change(() => _schedule = schedule);

    /// <summary>Stores a new announcement list.</summary>
    public void SetAnnouncements(IReadOnlyList<Announcement> items) => Change(() => _announcements = items);

    /// <summary>Stores the posters that can be drawn now (see <see cref="SignageSnapshot.Posters"/>).</summary>
    public void SetPosters(IReadOnlySet<string> posters) => Change(() => _posters = posters);

    /// <summary>Records the broker connection coming or going at <paramref name="now"/>.</summary>
    public void SetBrokerConnected(bool connected, Instant now) => Change(() =>
    {
        _brokerConnected = connected;
        UpdateAvailability(now);
    });

    /// <summary>Records the controller's availability (<c>online</c>/<c>offline</c>) at <paramref name="now"/>.</summary>
    public void SetControllerOnline(bool online, Instant now) => Change(() =>
    {
        _controllerOnline = online;
        UpdateAvailability(now);
    });

    /// <summary>Completes when the state changes (or at once if it changed since the last wait).</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken) => _changed.WaitAsync(cancellationToken);

    private void UpdateAvailability(Instant now)
    {
        var available = _brokerConnected && _controllerOnline;
        if (available)
        {
            _unavailableSince = null;
        }
        else
        {
            // Keep the first moment of the outage: the badge says since when the data may be old.
            _unavailableSince ??= now;
        }
    }

    private void Change(Action apply)
    {
        lock (_gate)
        {
            apply();
            _version++;
        }

        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; one is enough.
        }

        Changed?.Invoke();
    }
}
