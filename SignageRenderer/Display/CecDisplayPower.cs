using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Display;

/// <summary>
/// Switches the TV on before opening and to standby after closing, by the controller's status.
/// Call <see cref="UpdateAsync"/> whenever a status arrives and on the renderer's minute tick; it sends
/// a CEC command only when the wanted state changes, so a TV someone switched by remote is not fought
/// every minute, and a TV that does not answer is retried after <see cref="CecOptions.RetryFailedAfter"/>.
/// </summary>
public sealed class CecDisplayPower : IDisposable
{
    private readonly CecOptions _options;
    private readonly CecCtl _cecCtl;
    private readonly TimeProvider _time;
    private readonly ILogger<CecDisplayPower> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CecPower? _applied;
    private (CecPower Power, DateTimeOffset At)? _failed;

    /// <summary>Creates the switcher.</summary>
    public CecDisplayPower(IOptions<CecOptions> options, TimeProvider time, ILogger<CecDisplayPower> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _cecCtl = new CecCtl(_options);
        _time = time;
        _logger = logger;
        if (_options.Enabled)
        {
            CecLog.Enabled(logger, _options.WakeBeforeOpening, _options.StandbyAfterClosing, _options.Device);
        }
    }

    /// <summary>The state last acknowledged by the TV, or null when none yet.</summary>
    public CecPower? Applied => _applied;

    /// <summary>
    /// Brings the TV to the state <see cref="CecPowerPolicy"/> wants for <paramref name="status"/> now.
    /// Returns the state sent and acknowledged by this call, or null when nothing was sent (disabled,
    /// no change, waiting to retry, or the TV did not answer).
    /// </summary>
    /// <param name="status">The controller's last status, or null before the first one.</param>
    /// <param name="forceOn">True while an emergency announcement must be seen.</param>
    /// <param name="cancellationToken">Stops retries (service shutdown).</param>
    public async Task<CecPower?> UpdateAsync(StatusMessage? status, bool forceOn, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (CecPowerPolicy.Desired(status, now, _options, forceOn) is not { } wanted || wanted == _applied)
        {
            return null;
        }

        if (_failed is { } f && f.Power == wanted && now - f.At < _options.RetryFailedAfter)
        {
            return null;
        }

        // One switch at a time: a status and a minute tick arriving together must not interleave cec-ctl runs.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (wanted == _applied)
            {
                return null;
            }

            var detail = string.Empty;
            for (var attempt = 1; attempt <= _options.Attempts; attempt++)
            {
                var result = await _cecCtl.SendAsync(wanted, cancellationToken).ConfigureAwait(false);
                if (result.Acknowledged)
                {
                    _applied = wanted;
                    _failed = null;
                    CecLog.Switched(_logger, wanted, _options.Device, attempt);
                    return wanted;
                }

                detail = result.Detail;
                CecLog.AttemptFailed(_logger, attempt, wanted, detail);
                if (attempt < _options.Attempts)
                {
                    await Task.Delay(_options.RetryDelay, _time, cancellationToken).ConfigureAwait(false);
                }
            }

            // The TV's state is now unknown: the next wanted change, or this one after the pause, is sent again.
            _applied = null;
            _failed = (wanted, _time.GetUtcNow());
            CecLog.NoAnswer(_logger, wanted, _options.Device, _options.Attempts, detail, _options.RetryFailedAfter);
            return null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
