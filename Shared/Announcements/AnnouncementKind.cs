namespace MppSignage.Shared.Announcements;

/// <summary>What an announcement shows.</summary>
public enum AnnouncementKind
{
    /// <summary>Title and body text, optionally with a QR code.</summary>
    Text,

    /// <summary>A QR code with a title and caption (the QR target is required).</summary>
    Qr,

    /// <summary>A page of the services directory: agencies, counters, services and requirements.</summary>
    Services,

    /// <summary>A full-screen poster (an uploaded asset, <see cref="PosterImage"/>), with an optional caption band (title/body) and QR.</summary>
    Image,
}
