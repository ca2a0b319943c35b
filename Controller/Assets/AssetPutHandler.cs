using Microsoft.Extensions.Options;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Options;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Assets;

/// <summary>
/// <c>mpp/{site}/uploads/put</c> (admin): one raw image, processed and kept by <see cref="AssetStore"/>; the answer carries
/// the asset id (<c>sha256</c>), size and a note, or the refusal with its field. Runs on the client's own lane for slow
/// commands, so an override never waits behind an image being processed.
/// </summary>
internal sealed class AssetPutHandler(AssetStore store, IOptions<AssetOptions> options) : IMqttCommandHandler
{
    public IEnumerable<string> TopicsFor(Topics topics) => [topics.UploadsPut];

    public int MaxPayloadBytes => options.Value.MaxUploadBytes;

    public string PayloadLimitKey => "Assets:MaxUploadBytes";

    public bool RunsAside => true;

    public Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken) =>
        store.PutAsync(command.Payload, command.Sender);
}
