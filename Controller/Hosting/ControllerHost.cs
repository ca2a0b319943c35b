using System.Diagnostics.CodeAnalysis;
using System.Device.Gpio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Clock;
using MppSignage.Controller.Door;
using MppSignage.Controller.Gpio;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Options;
using MppSignage.Controller.Scheduling;
using MppSignage.Controller.State;
using MppSignage.MqttHost;

namespace MppSignage.Controller.Hosting;

/// <summary>
/// Builds the controller service: configuration (appsettings.json, appsettings.{Environment}.json,
/// <c>MPP_Section__Key</c> environment variables, <c>--Section:Key=value</c> arguments, in rising
/// precedence), logging, validated options, hardware, door loop, broker and MQTT client.
/// </summary>
internal static class ControllerHost
{
    /// <summary>The environment name: <c>DOTNET_ENVIRONMENT</c>, else Production.</summary>
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } e ? e : Environments.Production;

    /// <summary>Adds the configuration sources, in precedence order, to <paramref name="configuration"/>.</summary>
    public static void AddSources(IConfigurationBuilder configuration, string[] args)
    {
        var root = AppContext.BaseDirectory;
        configuration.AddJsonFile(Path.Combine(root, "appsettings.json"), optional: true, reloadOnChange: false);
        configuration.AddJsonFile(Path.Combine(root, $"appsettings.{EnvironmentName}.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables("MPP_");
        configuration.AddCommandLine(args);
    }

    /// <summary>Creates the host. <paramref name="customize"/> runs before the controller's services are added (tests replace time, clock and driver there).</summary>
    public static IHost Build(string[] args, Action<HostApplicationBuilder>? customize = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = EnvironmentName,
        });
        AddSources(builder.Configuration, args);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddSystemd();
        // AddSystemd registers the notifier only under systemd; the watchdog asks for it either way (IsEnabled tells).
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        customize?.Invoke(builder);
        AddController(builder.Services, builder.Configuration);
        return builder.Build();
    }

    private static void AddController(IServiceCollection services, IConfiguration configuration)
    {
        Validated(services, services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section)), ControllerOptionsRules.Site);
        Validated(services, services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)), ControllerOptionsRules.Schedule);
        Validated(services, services.AddOptions<StateOptions>().Bind(configuration.GetSection(StateOptions.Section)), ControllerOptionsRules.State);
        Validated(services, services.AddOptions<AssetOptions>().Bind(configuration.GetSection(AssetOptions.Section)), ControllerOptionsRules.Assets);
        Validated(services, services.AddOptions<DoorOptions>().Bind(configuration.GetSection(DoorOptions.Section)), ControllerOptionsRules.Door);
        Validated(services, services.AddOptions<ClockOptions>().Bind(configuration.GetSection(ClockOptions.Section)), ControllerOptionsRules.Clock);
        Validated(services, services.AddOptions<MqttOptions>().Bind(configuration.GetSection(MqttOptions.Section)), ControllerOptionsRules.Mqtt);
        Validated(services, services.AddOptions<GpioOptions>().Bind(configuration.GetSection(GpioOptions.Section)), ControllerOptionsRules.Gpio);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IClockSync, SystemClockSync>();
        services.TryAddSingleton<GpioDriver>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GpioOptions>>().Value;
            var logger = sp.GetRequiredService<ILogger<DoorHardware>>();
            var (name, defaulted) = GpioDriverFactory.Resolve(o.Driver, File.Exists);
            Log.GpioDriver(logger, name, defaulted
                ? $" (Gpio:Driver not set; {GpioDriverFactory.GpioChipDevice} {(name == "simulated" ? "is absent" : "exists")})"
                : "");
            try
            {
                return GpioDriverFactory.Create(name, o.Chip, sp.GetRequiredService<TimeProvider>());
            }
            catch (Exception ex) when (ex is not InvalidOperationException)
            {
                throw new InvalidOperationException($"Gpio:Driver = '{name}' cannot be opened ({ex.Message}). Fix: use --Gpio:Driver=simulated off the Pi, rpi on a Raspberry Pi 3/4, or libgpiod with --Gpio:Chip=N.", ex);
            }
        });

        services.AddSingleton<InternalCredential>();
        services.AddSingleton<TopicsProvider>();
        services.AddOptions<DoorPolicy>().Configure<IOptions<DoorOptions>, IOptions<ClockOptions>, IOptions<GpioOptions>, IOptions<SiteOptions>>(
            (policy, door, clock, gpio, site) => DoorPolicy.Configure(policy, door.Value, clock.Value, gpio.Value, site.Value));
        services.AddSingleton<StateStore>();
        // The one writer of the state directory (state files, override expiry, journal): a dedicated thread.
        services.AddSingleton(_ => new DiskThread("mpp-disk"));
        services.AddSingleton<ControllerOutbox>();
        services.AddSingleton<Auditor>();
        services.AddSingleton<ScheduleProvider>();
        services.AddSingleton<DoorHardware>();
        services.AddSingleton<EmbeddedBroker>();
        services.AddSingleton<DoorLoop>();
        services.AddSingleton<ControllerMqttClient>();
        services.AddSingleton<IMqttCommandHandler, OverrideCommandHandler>();
        services.AddSingleton<IMqttCommandHandler, ScheduleCommandHandler>();
        services.AddSingleton<IMqttRequestHandler, HistoryRequestHandler>();
        HomeAssistant.HomeAssistantSetup.Add(services, configuration);
        Announcements.AnnouncementServices.AddAnnouncements(services);
        Assets.AssetServices.AddAssets(services);

        // Start order matters: broker, then the door (first decision), then the client; stop is the reverse.
        services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        services.AddHostedService(sp => sp.GetRequiredService<DoorLoop>());
        services.AddHostedService(sp => sp.GetRequiredService<ControllerMqttClient>());
        // The loop turns at least every Door:CheckIntervalSeconds (the nudge asks for a turn); no turn for a whole
        // WatchdogSec means it is stuck, and the withheld ping gets the service restarted.
        SystemdWatchdog.AddTo(services, sp =>
        {
            var loop = sp.GetRequiredService<DoorLoop>();
            return new LivenessSignal("the door loop", () => loop.Turns, nudge: loop.RequestRecompute);
        });
    }

    // Each Bind above names its concrete type, so the configuration binding generator writes the binding (no
    // reflection: the NativeAOT and trimmed builds stay warning-free); this only adds the rules and ValidateOnStart.
    private static void Validated<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        IServiceCollection services, OptionsBuilder<T> options, Func<T, IEnumerable<string>> rules)
        where T : class
    {
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new OptionsValidator<T>(rules));
    }
}
