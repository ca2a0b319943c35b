using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Announcements;

/// <summary>
/// <c>mpp/{site}/announcements/set</c> and the broadcast <c>mpp/all/announcements/set</c>: one announcement,
/// upserted by id after validation (field and reason on refusal, nothing changed). A poster (kind image) is accepted
/// only when its asset is kept (<see cref="Assets.AssetStore.Upsert"/>).
/// </summary>
internal sealed class AnnouncementSetHandler(AnnouncementHub hub, Assets.AssetStore assets) : IMqttCommandHandler
{
    private static readonly OpeningHoursWhenEvaluator When = new();

    public IEnumerable<string> TopicsFor(Topics topics) => [topics.AnnouncementsSet, Topics.BroadcastAnnouncementsSet];

    public Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken)
    {
        var parsed = AnnouncementJson.ParseAnnouncement(command.Payload.Span, When);
        if (!parsed.Ok)
        {
            return Task.FromResult(AnnouncementResults.Refusal(parsed.Problems));
        }

        var announcement = parsed.Announcement!;
        return Task.FromResult(assets.Upsert(announcement, () => hub.Upsert(announcement, command.Sender)));
    }
}
