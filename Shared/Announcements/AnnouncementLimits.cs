namespace MppSignage.Shared.Announcements;

/// <summary>
/// Limits that keep announcements readable on a 1080p screen at a distance and keep the retained list
/// small. The text lengths were chosen so that the longest allowed title and body still fit the
/// announcement slide's safe area at a readable size in both orientations (checked by the renderer tests).
/// </summary>
public static class AnnouncementLimits
{
    /// <summary>Largest accepted <c>announcements/set</c> payload, in bytes (a services directory may be larger: <see cref="MaxServicesPayloadBytes"/>).</summary>
    public const int MaxPayloadBytes = 8 * 1024;

    /// <summary>
    /// Largest accepted payload of a <c>services</c> directory: the wire layer's one bound for a command
    /// (<see cref="Wire.WireJson.MaxCommandBytes"/>, 64 KiB), enough for <see cref="MaxServiceEntries"/> entries of typical length.
    /// </summary>
    public const int MaxServicesPayloadBytes = Wire.WireJson.MaxCommandBytes;

    /// <summary>Most <c>services</c> directories a site keeps at once (each up to <see cref="MaxServicesPayloadBytes"/>), which bounds the retained list.</summary>
    public const int MaxServicesAnnouncements = 4;

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

    /// <summary>
    /// Most entries (agencies) of one services directory. The screen pages them: as many per slide as its layout
    /// holds at a readable size (fewer on a portrait or small screen), each page a slide of the rotation.
    /// </summary>
    public const int MaxServiceEntries = 60;

    /// <summary>Most entries on one page of the directory, whatever the screen: more than this is a table nobody reads from the door.</summary>
    public const int MaxServicesPerPage = 8;

    /// <summary>Longest agency name.</summary>
    public const int MaxAgencyLength = 60;

    /// <summary>Longest counter (loket) label.</summary>
    public const int MaxCounterLength = 30;

    /// <summary>Most services or requirements per entry.</summary>
    public const int MaxListItems = 6;

    /// <summary>Longest service or requirement line.</summary>
    public const int MaxListItemLength = 60;
}
