using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;

namespace MppSignage.Controller.HomeAssistant;

/// <summary>Registers the Home Assistant discovery when <c>HomeAssistant:Enabled</c> is true (one line in the host).</summary>
internal static class HomeAssistantSetup
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(HomeAssistantOptions.Section);
        services.AddOptions<HomeAssistantOptions>().Bind(section);
        if (!section.GetValue<bool>(nameof(HomeAssistantOptions.Enabled)))
        {
            return;
        }

        services.AddSingleton<HomeAssistantPublisher>();
        services.AddSingleton<IMqttTopicObserver>(sp => sp.GetRequiredService<HomeAssistantPublisher>());
        services.AddHostedService(sp => sp.GetRequiredService<HomeAssistantPublisher>());
    }
}
