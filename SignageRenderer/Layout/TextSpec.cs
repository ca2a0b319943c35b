namespace MppSignage.SignageRenderer.Layout;

/// <summary>A text with its style, to be fitted into an area.</summary>
/// <param name="Text">The text; '\n' starts a new line.</param>
/// <param name="Style">The preferred style.</param>
public sealed record TextSpec(string Text, TextStyle Style);
