using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;

namespace MppSignage.Controller.Announcements;

/// <summary>Registers the announcement hub and its command handlers.</summary>
internal static class AnnouncementServices
{
    /// <summary>Adds the hub (hosted, for expiry) and the set/delete handlers.</summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<AnnouncementHub>();
        services.AddHostedService(sp => sp.GetRequiredService<AnnouncementHub>());
        services.AddSingleton<IMqttCommandHandler, AnnouncementSetHandler>();
        services.AddSingleton<IMqttCommandHandler, AnnouncementDeleteHandler>();
        return services;
    }
}
