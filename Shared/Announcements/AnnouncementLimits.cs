namespace MppSignage.Shared.Announcements;

/// <summary>
/// Limits that keep announcements readable on a 1080p screen at a distance and keep the retained list
/// small. The text lengths were chosen so that the longest allowed title and body still fit the
/// announcement slide's safe area at a readable size in both orientations (checked by the renderer tests).
/// </summary>
public static class AnnouncementLimits
{
    /// <summary>Largest accepted <c>announcements/set</c> payload, in bytes.</summary>
    public const int MaxPayloadBytes = 8 * 1024;

    /// <summary>Most announcements a site keeps at once.</summary>
    public const int MaxCount = 50;

    /// <summary>Longest id.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Longest title (per language).</summary>
    public const int MaxTitleLength = 80;

    /// <summary>Longest body (per language).</summary>
    public const int MaxBodyLength = 400;

    /// <summary>Longest QR caption (per language).</summary>
    public const int MaxCaptionLength = 80;

    /// <summary>Longest QR link; longer links make the code too dense to scan from a distance.</summary>
    public const int MaxUrlLength = 300;

    /// <summary>Longest <c>when</c> expression.</summary>
    public const int MaxWhenLength = 200;

    /// <summary>Fewest display seconds.</summary>
    public const int MinSeconds = 3;

    /// <summary>Most display seconds.</summary>
    public const int MaxSeconds = 120;

    /// <summary>Display seconds when none are given.</summary>
    public const int DefaultSeconds = 10;

    /// <summary>Most target screens.</summary>
    public const int MaxScreens = 32;

    /// <summary>Most directory entries on one services page.</summary>
    public const int MaxServiceEntries = 8;

    /// <summary>Longest agency name.</summary>
    public const int MaxAgencyLength = 60;

    /// <summary>Longest counter (loket) label.</summary>
    public const int MaxCounterLength = 30;

    /// <summary>Most services or requirements per entry.</summary>
    public const int MaxListItems = 6;

    /// <summary>Longest service or requirement line.</summary>
    public const int MaxListItemLength = 60;
}
