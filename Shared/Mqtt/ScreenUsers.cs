using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// Which screen id a <c>screen</c>-role user is bound to: a screen publishes (screenshots, its availability)
/// and receives screenshot requests only under <c>mpp/{site}/screens/{its id}/…</c>, so a stolen entrance
/// password cannot speak for another screen. User <c>screen-&lt;id&gt;</c> is screen <c>&lt;id&gt;</c>; the plain
/// user <c>screen</c> (a site's first screen, as installed) is <see cref="DefaultScreenId"/>.
/// </summary>
public static class ScreenUsers
{
    /// <summary>The id of a site's first screen (the renderer's default <c>Screen:Id</c>).</summary>
    public const string DefaultScreenId = "pintu-utama";

    /// <summary>The user of the first screen.</summary>
    public const string DefaultUser = "screen";

    /// <summary>The prefix of every other screen's user name.</summary>
    public const string Prefix = "screen-";

    /// <summary>The screen id <paramref name="user"/> is bound to; null when the name binds no screen.</summary>
    public static string? ScreenIdOf(string? user)
    {
        if (user == DefaultUser)
        {
            return DefaultScreenId;
        }

        return user is not null && user.StartsWith(Prefix, StringComparison.Ordinal) && AnnouncementJson.IsValidId(user[Prefix.Length..])
            ? user[Prefix.Length..]
            : null;
    }

    /// <summary>The user name bound to <paramref name="screenId"/>.</summary>
    public static string UserOf(string screenId) => screenId == DefaultScreenId ? DefaultUser : Prefix + screenId;
}
