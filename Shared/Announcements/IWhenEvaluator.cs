using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>Checks and evaluates an announcement's opening_hours <c>when</c> expression.</summary>
public interface IWhenEvaluator
{
    /// <summary>Null when <paramref name="expression"/> is a valid opening_hours expression, otherwise the reason.</summary>
    string? Validate(string expression);

    /// <summary>True when <paramref name="expression"/> is open at <paramref name="local"/> (site-local time).</summary>
    bool IsOpen(string expression, LocalDateTime local);
}
