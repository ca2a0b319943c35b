using MppSignage.Controller.Door;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Mqtt;

/// <summary><c>mpp/{site}/override/set</c>: parse, apply the override rules in the door loop, persist, re-decide.</summary>
internal sealed class OverrideCommandHandler(DoorLoop loop) : IMqttCommandHandler
{
    public IEnumerable<string> TopicsFor(Topics topics) => [topics.OverrideSet];

    public Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken)
    {
        var parsed = OverrideCommandParser.Parse(command.Payload.Span);
        if (!parsed.Success)
        {
            return Task.FromResult(parsed.Error!);
        }

        return loop.ExecuteAsync(command.Sender, ctx => ctx.Apply(DoorCommands.Override(parsed.Value!, command.Sender, ctx.Situation)));
    }
}
