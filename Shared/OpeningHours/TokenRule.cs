namespace MppSignage.Shared.OpeningHours;

/// <summary>The tokens of one rule between <c>;</c> or <c>||</c>, and whether it follows <c>||</c>.</summary>
internal sealed record TokenRule(List<Token> Tokens, bool Fallback, int EndPosition);
