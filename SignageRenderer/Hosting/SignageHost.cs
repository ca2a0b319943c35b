using MppSignage.MqttHost;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Display;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Output;
using MppSignage.SignageRenderer.Service;
using MppSignage.SignageRenderer.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MppSignage.SignageRenderer.Hosting;

/// <summary>
/// Builds the renderer service: options checked, font checked and output opened before anything runs, so
/// a bad key, a missing font or an unusable framebuffer stops the start with a message naming it.
/// </summary>
public static class SignageHost
{
    /// <summary>Builds the host; returns false with every start-up problem instead of throwing.</summary>
    /// <param name="configArgs">Command-line configuration (<c>--Section:Key=value</c>).</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    /// <param name="host">The host, ready to run.</param>
    /// <param name="errors">What stops the start, each naming the key.</param>
    /// <param name="configure">Extra configuration sources for tests (added last).</param>
    public static bool TryCreate(
        IReadOnlyList<string> configArgs,
        TimeProvider time,
        out IHost? host,
        out IReadOnlyList<string> errors,
        Action<IConfigurationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configArgs);
        ArgumentNullException.ThrowIfNull(time);
        host = null;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddSignageSources(configArgs);
        configure?.Invoke(builder.Configuration);

        var settings = SignageSettings.Load(builder.Configuration, out var problems);
        if (settings is null)
        {
            errors = problems;
            return false;
        }

        var cec = CecOptions.Load(builder.Configuration, out var cecProblems);
        if (cec is null)
        {
            errors = cecProblems;
            return false;
        }

        if (!FontSet.TryLoad(settings.Font, "Display:Font", out var fonts, out var fontError))
        {
            errors = [fontError!];
            return false;
        }

        IFrameOutput output;
        try
        {
            output = CreateOutput(settings);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            fonts!.Dispose();
            errors = [ex.Message];
            return false;
        }

        var fitter = new TextFitter(fonts!);
        var renderer = new FrameRenderer(settings.Geometry, new FrameLayouter(fitter, settings.Bilingual), new FramePainter(fitter));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddSystemd();
        // The same binding and generated validator as the check above, the standard way: the host re-checks on start.
        builder.Services.AddOptions<SignageOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SignageOptions>, SignageOptionsValidator>();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(fonts!);
        builder.Services.AddSingleton(fitter);
        builder.Services.AddSingleton(new FrameHolder(renderer));
        builder.Services.AddSingleton(output);
        builder.Services.AddSingleton(new SignageState(Instant.FromDateTimeOffset(time.GetUtcNow())));
        builder.Services.AddSingleton(new SlideComposer(settings));
        builder.Services.AddSingleton<RenderService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RenderService>());
        builder.Services.AddSingleton<SignageMqttClient>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SignageMqttClient>());
        // deploy-pi: systemd watchdog (WatchdogSec= in mpp-signage.service) and TV power by the hours.
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        // The footer clock changes every minute, so a healthy render loop writes a frame at least once a minute;
        // no frame for three minutes (three missed updates) withholds the ping and systemd restarts the renderer.
        SystemdWatchdog.AddTo(builder.Services, sp =>
        {
            var render = sp.GetRequiredService<RenderService>();
            return new LivenessSignal("the render loop", () => render.FramesWritten, stuckAfter: TimeSpan.FromMinutes(3));
        });
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(cec));
        builder.Services.AddSingleton<CecDisplayPower>();
        builder.Services.AddHostedService<CecDisplayPowerService>();
        host = builder.Build();

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MppSignage.SignageRenderer");
        Log.Starting(logger, settings.SiteId, settings.ScreenId, settings.Geometry.ToString(), output.Description, fonts!.FamilyName);
        errors = [];
        return true;
    }

    /// <summary>Opens the configured output.</summary>
    public static IFrameOutput CreateOutput(SignageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Output == OutputKind.Png)
        {
            return new PngFileOutput(settings.PngPath);
        }

        var fb = FramebufferGeometry.TryRead(settings.FramebufferSysfs, out var error)
            ?? throw new InvalidOperationException($"Display:FramebufferSysfs: {error}");
        return new FramebufferOutput(settings.FramebufferDevice, fb, settings.Geometry.Width, settings.Geometry.Height, settings.Rotate);
    }
}
