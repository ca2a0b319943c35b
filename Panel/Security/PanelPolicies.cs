namespace MppSignage.Panel.Security;

/// <summary>The two authorization policies: staff pages (staff and admins) and admin pages.</summary>
public static class PanelPolicies
{
    /// <summary>Status, override, history.</summary>
    public const string Staff = "staff";

    /// <summary>Announcements, schedule, screens.</summary>
    public const string Admin = "admin";
}

/// <summary>The claims of the panel's cookie (no password, no broker secret).</summary>
public static class PanelClaims
{
    /// <summary>The in-memory session id.</summary>
    public const string Session = "mpp-sid";
}
