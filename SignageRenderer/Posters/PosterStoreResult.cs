namespace MppSignage.SignageRenderer.Posters;

/// <summary>What <see cref="PosterAssetCache.Put"/> did.</summary>
/// <param name="Stored">True when the poster is kept (newly or already).</param>
/// <param name="AlreadyHeld">True when it was kept already.</param>
/// <param name="Problem">Why it was refused, or null.</param>
/// <param name="Evicted">Posters removed to make room.</param>
public sealed record PosterStoreResult(bool Stored, bool AlreadyHeld, string? Problem, IReadOnlyList<string> Evicted)
{
    /// <summary>Refused for <paramref name="problem"/>.</summary>
    public static PosterStoreResult Refused(string problem) => new(false, false, problem, []);

    /// <summary>Kept.</summary>
    public static PosterStoreResult Kept(bool alreadyHeld, IReadOnlyList<string> evicted) => new(true, alreadyHeld, null, evicted);
}
