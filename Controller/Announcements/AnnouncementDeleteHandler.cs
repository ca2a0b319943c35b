using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Announcements;

/// <summary><c>mpp/{site}/announcements/delete</c> and <c>mpp/all/announcements/delete</c>: <c>{"id":"…"}</c>.</summary>
internal sealed class AnnouncementDeleteHandler(AnnouncementHub hub) : IMqttCommandHandler
{
    public IEnumerable<string> TopicsFor(Topics topics) => [topics.AnnouncementsDelete, Topics.BroadcastAnnouncementsDelete];

    public Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken)
    {
        var parsed = AnnouncementJson.ParseDelete(command.Payload.Span);
        return Task.FromResult(parsed.Id is null
            ? AnnouncementResults.Refusal([parsed.Problem!])
            : hub.Delete(parsed.Id, command.Sender));
    }
}
