namespace MppSignage.Shared.OpeningHours;

/// <summary>One token: its kind, numeric value (weekday 0 = Sunday, month 0 = January, number, state), text for comments, and character position.</summary>
internal readonly record struct Token(TokenKind Kind, int Value, int Position, string? Text = null);
