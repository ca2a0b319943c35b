namespace MppSignage.Shared.OpeningHours;

/// <summary>Token kinds of the opening_hours language (as the token types of opening_hours.js).</summary>
internal enum TokenKind : byte
{
    Weekday,
    Month,
    Number,
    Year,
    TimeSep,
    Holiday,
    Week,
    State,
    Comment,
    TwentyFourSeven,
    Dash,
    Plus,
    Comma,
    Slash,
    LeftBracket,
    RightBracket,
    CalcDay,
}
