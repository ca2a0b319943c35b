using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Announcements;

/// <summary>
/// <c>mpp/{site}/announcements/set</c> and the broadcast <c>mpp/all/announcements/set</c>: one announcement,
/// upserted by id after validation (field and reason on refusal, nothing changed).
/// </summary>
internal sealed class AnnouncementSetHandler(AnnouncementHub hub) : IMqttCommandHandler
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

        return Task.FromResult(hub.Upsert(parsed.Announcement!, command.Sender));
    }
}
