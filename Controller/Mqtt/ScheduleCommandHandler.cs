using System.Text;
using MppSignage.Controller.Door;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Schedule;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// <c>mpp/{site}/schedule/set</c>: a whole schedule document, validated exactly like <c>hours check</c>;
/// accepted ones are persisted, put in force and republished retained.
/// </summary>
internal sealed class ScheduleCommandHandler(DoorLoop loop) : IMqttCommandHandler
{
    public IEnumerable<string> TopicsFor(Topics topics) => [topics.ScheduleSet];

    public Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken)
    {
        // The generic checks (size, UTF-8, JSON object) first, so every command reports them alike.
        var error = CommandPayload.TryOpenObject(command.Payload.Span, knownFields: null, out var document);
        document?.Dispose();
        if (error is not null)
        {
            return Task.FromResult(error);
        }

        var json = Encoding.UTF8.GetString(command.Payload.Span);
        var parsed = ScheduleLoader.Parse(json);
        if (parsed.Schedule is null)
        {
            var first = parsed.Problems.FirstOrDefault();
            var more = parsed.Problems.Count > 1 ? $" (and {parsed.Problems.Count - 1} more problem(s))" : "";
            return Task.FromResult(CommandResult.Refused(first?.Path ?? "payload", (first?.Reason ?? "invalid schedule") + more));
        }

        return loop.ExecuteAsync(command.Sender, ctx =>
        {
            ctx.NewSchedule = parsed.Schedule;
            return CommandResult.Success;
        });
    }
}
