namespace MppSignage.Controller.State;

/// <summary>A value read from the state directory, with the problem found (corrupt file) when there was one.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Value">The value, or null (missing or unusable).</param>
/// <param name="Problem">What was wrong with the file; null when it was fine or simply absent.</param>
internal sealed record LoadResult<T>(T? Value, string? Problem)
    where T : class;
