using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;

namespace MppSignage.Controller.Assets;

/// <summary>Registers the asset store and its upload handler.</summary>
internal static class AssetServices
{
    /// <summary>Adds the store (hosted, for garbage collection) and the <c>uploads/put</c> handler.</summary>
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddSingleton<AssetStore>();
        services.AddHostedService(sp => sp.GetRequiredService<AssetStore>());
        services.AddSingleton<IMqttCommandHandler, AssetPutHandler>();
        return services;
    }
}
