namespace MppSignage.SignageRenderer.Display;

/// <summary>The outcome of one cec-ctl transmission: whether the TV acknowledged it, and why not.</summary>
/// <param name="Acknowledged">True when cec-ctl transmitted the message and the TV acknowledged it.</param>
/// <param name="Detail">cec-ctl's own words on failure (NACK, unconfigured adapter, missing device), or empty.</param>
public sealed record CecCtlResult(bool Acknowledged, string Detail);
