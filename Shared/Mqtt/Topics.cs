namespace MppSignage.Shared.Mqtt;

/// <summary>Builds the MQTT topics of one site (<c>mpp/{site}/…</c>) and the broadcast root <c>mpp/all/…</c>.</summary>
public sealed class Topics
{
    /// <summary>The first level of every topic.</summary>
    public const string RootPrefix = "mpp";

    /// <summary>The pseudo-site that addresses every site at once.</summary>
    public const string BroadcastSite = "all";

    /// <summary>Creates the topic set of <paramref name="siteId"/>.</summary>
    public Topics(string siteId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        if (!IsValidSiteId(siteId))
        {
            throw new ArgumentException($"Site id '{siteId}' must be 1-64 characters of a-z, 0-9, '-' or '_', and not 'all'.", nameof(siteId));
        }

        SiteId = siteId;
        Root = $"{RootPrefix}/{siteId}";
    }

    /// <summary>The site id.</summary>
    public string SiteId { get; }

    /// <summary><c>mpp/{site}</c>.</summary>
    public string Root { get; }

    /// <summary>Retained controller status (JSON, <see cref="StatusMessage"/>).</summary>
    public string Status => $"{Root}/status";

    /// <summary>Retained <c>online</c>/<c>offline</c> (Last Will).</summary>
    public string Availability => $"{Root}/availability";

    /// <summary>Retained schedule document in force.</summary>
    public string Schedule => $"{Root}/schedule";

    /// <summary>Override command (staff, admin).</summary>
    public string OverrideSet => $"{Root}/override/set";

    /// <summary>Whole schedule document (admin).</summary>
    public string ScheduleSet => $"{Root}/schedule/set";

    /// <summary>Audit and command results (not retained).</summary>
    public string Events => $"{Root}/events";

    /// <summary>Retained announcement list.</summary>
    public string Announcements => $"{Root}/announcements";

    /// <summary>Upsert one announcement (admin).</summary>
    public string AnnouncementsSet => $"{Root}/announcements/set";

    /// <summary>Delete one announcement (admin).</summary>
    public string AnnouncementsDelete => $"{Root}/announcements/delete";

    /// <summary>Upload one image (admin) as a request with a Response Topic: the controller processes and keeps it and
    /// answers <c>{"ok":true,"sha256":…,"width":…,"height":…,"bytes":…,"note":…}</c> or the refusal.</summary>
    public string UploadsPut => $"{Root}/uploads/put";

    /// <summary>
    /// Retained processed image of one asset (binary JPEG or PNG, published by the controller; cleared with an empty
    /// retained message when the asset is removed). Screens subscribe to the assets their announcements name.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="sha256"/> is not 64 lowercase hex digits.</exception>
    public string Asset(string sha256) => global::MppSignage.Shared.Announcements.PosterImage.IsValidSha256(sha256)
        ? $"{Root}/assets/{sha256}"
        : throw new ArgumentException($"Asset id '{sha256}' must be 64 lowercase hex digits.", nameof(sha256));

    /// <summary>The asset id of a topic <c>mpp/{site}/assets/{sha256}</c> of this site, or null for any other topic.</summary>
    public string? AssetIdOf(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var prefix = $"{Root}/assets/";
        return topic.StartsWith(prefix, StringComparison.Ordinal) && global::MppSignage.Shared.Announcements.PosterImage.IsValidSha256(topic[prefix.Length..])
            ? topic[prefix.Length..]
            : null;
    }

    /// <summary>Broadcast upsert to every site.</summary>
    public static string BroadcastAnnouncementsSet => $"{RootPrefix}/{BroadcastSite}/announcements/set";

    /// <summary>Broadcast delete to every site.</summary>
    public static string BroadcastAnnouncementsDelete => $"{RootPrefix}/{BroadcastSite}/announcements/delete";

    /// <summary>
    /// Where command results for <paramref name="user"/> go when the command names this Response Topic
    /// (<c>mpp/{site}/responses/{user}</c>, plus any sub-levels); only that user (and admins) may read it.
    /// </summary>
    public string Responses(string user) => $"{Root}/responses/{user}";

    /// <summary>Longest Response Topic the controller answers on.</summary>
    public const int MaxResponseTopicLength = 256;

    /// <summary>
    /// The user a Response Topic belongs to when it is one of this site's response topics
    /// (<c>mpp/{site}/responses/{user}/…</c>, at least one level below the user, no wildcards, at most
    /// <see cref="MaxResponseTopicLength"/> characters); null for any other topic. The controller answers
    /// nowhere else: a Response Topic naming the status, the announcements, a Home Assistant config or
    /// another site gets no answer there.
    /// </summary>
    public string? ResponseTopicOwner(string? responseTopic)
    {
        if (responseTopic is null || responseTopic.Length > MaxResponseTopicLength || !TopicFilter.IsValidTopicName(responseTopic))
        {
            return null;
        }

        var prefix = $"{Root}/responses/";
        if (!responseTopic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var slash = responseTopic.IndexOf('/', prefix.Length);
        return slash > prefix.Length && slash < responseTopic.Length - 1 ? responseTopic[prefix.Length..slash] : null;
    }

    /// <summary>True when <paramref name="responseTopic"/> is one of <paramref name="user"/>'s own response topics (see <see cref="ResponseTopicOwner"/>).</summary>
    public bool IsResponseTopicOf(string user, string? responseTopic)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ResponseTopicOwner(responseTopic) is { } owner && string.Equals(owner, user, StringComparison.Ordinal);
    }

    /// <summary>
    /// The private response topic of one request, <c>mpp/{site}/responses/{user}/{requestId}</c>: the controller answers a
    /// command only there, and the broker lets only <paramref name="user"/> (the authenticated MQTT user) and admins read it.
    /// The one place this topic is built.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="user"/> or <paramref name="requestId"/> is not one topic level.</exception>
    public string ResponseTopic(string user, string requestId)
    {
        if (!IsValidTopicLevel(user))
        {
            throw new ArgumentException($"User '{user}' cannot name a response topic: it must be 1-64 characters without '/', '+', '#' or control characters.", nameof(user));
        }

        if (!IsValidTopicLevel(requestId))
        {
            throw new ArgumentException($"Request id '{requestId}' must be 1-64 characters without '/', '+', '#' or control characters.", nameof(requestId));
        }

        return $"{Responses(user)}/{requestId}";
    }

    /// <summary>True when <paramref name="level"/> can stand as one topic level: 1-64 characters, no <c>/</c>, wildcards or control characters.</summary>
    public static bool IsValidTopicLevel(string? level) =>
        level is { Length: >= 1 and <= 64 } && !level.Any(c => c is '/' or '+' or '#' || char.IsControl(c));

    /// <summary>Screenshot request for one screen.</summary>
    public string ScreenshotGet(string screenId) => $"{Root}/screens/{screenId}/screenshot/get";

    /// <summary>Screenshot reply (PNG) for one screen.</summary>
    public string Screenshot(string screenId) => $"{Root}/screens/{screenId}/screenshot";

    /// <summary>Retained availability of one screen (JSON <see cref="ScreenAvailability"/>; its Last Will says offline).</summary>
    public string ScreenAvailability(string screenId) => $"{Root}/screens/{screenId}/availability";

    /// <summary>Preview request for one screen (admin): the payload is a draft announcement; the screen answers on <see cref="Preview"/>.</summary>
    public string PreviewGet(string screenId) => $"{Root}/screens/{screenId}/preview/get";

    /// <summary>Preview reply (PNG of the draft as this screen draws it, with the request's Correlation Data).</summary>
    public string Preview(string screenId) => $"{Root}/screens/{screenId}/preview";

    /// <summary>History request (staff, admin): the controller answers a page of its journal on the Response Topic.</summary>
    public string HistoryGet => $"{Root}/history/get";

    /// <summary>True when <paramref name="siteId"/> is usable as a topic level.</summary>
    public static bool IsValidSiteId(string siteId) =>
        siteId.Length is >= 1 and <= 64
        && siteId != BroadcastSite
        && siteId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
