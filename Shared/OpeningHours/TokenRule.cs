namespace MppSignage.Shared.OpeningHours;

/// <summary>The tokens of one rule between <c>;</c> or <c>||</c> (a slice of the token list), and whether it follows <c>||</c>.</summary>
internal readonly record struct TokenRule(int Start, int Count, bool Fallback, int EndPosition);
