using System.Collections.Concurrent;
using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// Evaluates <c>when</c> expressions with the opening_hours engine, against the site's holiday calendar
/// (so <c>PH off</c> works). Parsed expressions are cached; an expression that does not parse is never open.
/// </summary>
public sealed class OpeningHoursWhenEvaluator : IWhenEvaluator
{
    private const int MaxCached = 256;
    private readonly ConcurrentDictionary<string, OpeningHoursExpression?> _cache = new(StringComparer.Ordinal);
    private readonly IHolidayCalendar? _holidays;

    /// <summary>Creates an evaluator; <paramref name="holidays"/> answers <c>PH</c> (null: no public holidays).</summary>
    public OpeningHoursWhenEvaluator(IHolidayCalendar? holidays = null) => _holidays = holidays;

    /// <inheritdoc />
    public string? Validate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var result = OpeningHoursExpression.Parse(expression);
        return result.Success ? null : result.Error!.ToString();
    }

    /// <inheritdoc />
    public bool IsOpen(string expression, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!_cache.TryGetValue(expression, out var parsed))
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            parsed = OpeningHoursExpression.Parse(expression).Expression;
            _cache[expression] = parsed;
        }

        return parsed is not null && parsed.GetState(local, _holidays).State == OpeningState.Open;
    }
}
