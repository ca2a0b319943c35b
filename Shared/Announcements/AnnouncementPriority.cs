namespace MppSignage.Shared.Announcements;

/// <summary>How often an announcement is shown.</summary>
public enum AnnouncementPriority
{
    /// <summary>Once per rotation cycle.</summary>
    Normal,

    /// <summary>Twice per rotation cycle.</summary>
    High,

    /// <summary>Takes over the screen: while any emergency item is valid only emergency items are shown.</summary>
    Emergency,
}
