using MppSignage.MqttHost;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Display;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Output;
using MppSignage.SignageRenderer.Posters;
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
        // Before any poster is decoded: fixed glibc thresholds keep large freed blocks from staying resident.
        NativeHeap.Configure();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddSignageSources(configArgs);
        configure?.Invoke(builder.Configuration);

        var options = SignageOptions.Load(builder.Configuration, out var problems);
        if (options is null)
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

        if (!FontSet.TryLoad(options.Display.FontName(), "Display:Font", out var fonts, out var fontError))
        {
            errors = [fontError!];
            return false;
        }

        if (!SignageLook.TryLoadLogo(options, out var logo, out var logoError))
        {
            fonts!.Dispose();
            errors = [logoError!];
            return false;
        }

        IFrameOutput output;
        try
        {
            output = CreateOutput(options);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            fonts!.Dispose();
            logo?.Dispose();
            errors = [ex.Message];
            return false;
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // The poster cache is opened before the host is built (a directory it cannot use stops the start, naming
        // the key); its log lines go through the host's logging once built, so they wait in a small buffer.
        var early = new EarlyLog();
        PosterAssetCache disk;
        try
        {
            disk = new PosterAssetCache(options.Posters.Directory(), options.Posters.CacheMaxBytes(), options.Posters.CacheMaxCount, time, early);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            fonts!.Dispose();
            logo?.Dispose();
            output.Dispose();
            errors = [$"Posters:CacheDirectory: '{options.Posters.Directory()}' cannot be used ({ex.Message}). Fix: a directory the renderer may write, e.g. /var/lib/mpp-signage/signage/posters."];
            return false;
        }

        var library = new PosterLibrary(disk, options.Posters.DecodedMax, early);
        var fitter = new TextFitter(fonts!);
        var geometry = options.Display.Geometry()!;
        var layouter = SignageLook.Layouter(fitter, options, logo, library);
        var renderer = new FrameRenderer(geometry, layouter, new FramePainter(fitter));
        var fader = options.Display.Fader();
        builder.Services.AddSystemd();
        // The same binding and generated validator as the check above, the standard way: the services take
        // IOptions<SignageOptions> and the host re-checks on start.
        builder.Services.AddOptions<SignageOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SignageOptions>, SignageOptionsValidator>();
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(fonts!);
        builder.Services.AddSingleton(fitter);
        builder.Services.AddSingleton(new FrameHolder(renderer));
        builder.Services.AddSingleton(output);
        var state = new SignageState(Instant.FromDateTimeOffset(time.GetUtcNow()));
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(library);
        builder.Services.AddSingleton(sp => new PosterAssets(library, state, options.Screen.ScreenId(), options.Posters.MaxAssetBytes(), time, sp.GetRequiredService<ILoggerFactory>().CreateLogger<PosterAssets>()));
        // The directory's page size comes from this screen's layout (fewer entries per slide on a portrait or small screen).
        var servicesPerPage = layouter.ServicesPerPage(geometry);
        builder.Services.AddSingleton(sp => new SlideComposer(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignageOptions>>()) { ServicesPerPage = servicesPerPage });
        builder.Services.AddSingleton(fader);
        if (logo is not null)
        {
            builder.Services.AddSingleton(logo);
        }

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

        var loggers = host.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger("MppSignage.SignageRenderer");
        Log.Starting(logger, options.Site.SiteId(), options.Screen.ScreenId(), geometry.ToString(), output.Description, fonts!.FamilyName);
        Log.Look(logger, logo?.Description ?? "none", fader.Enabled && output is IFadingOutput
            ? $"{options.Display.FadeMilliseconds} ms in {options.Display.FadeSteps} frames"
            : fader.Enabled ? "off for this output (PNG files get final frames only)" : "off (Display:FadeMilliseconds=0)");
        early.Attach(loggers.CreateLogger("MppSignage.SignageRenderer.Posters"));
        // Cached posters and the last announcement list show at once, before (or without) any broker.
        host.Services.GetRequiredService<PosterAssets>().LoadKeptAnnouncements();
        errors = [];
        return true;
    }

    /// <summary>Opens the output of validated <paramref name="options"/>.</summary>
    public static IFrameOutput CreateOutput(SignageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var display = options.Display;
        if (display.Kind() == OutputKind.Png)
        {
            return new PngFileOutput(SignageOptions.Text(display.PngPath) ?? SignageDisplayOptions.DefaultPngPath);
        }

        var fb = FramebufferGeometry.TryRead(SignageOptions.Text(display.FramebufferSysfs) ?? SignageDisplayOptions.DefaultFramebufferSysfs, out var error)
            ?? throw new InvalidOperationException($"Display:FramebufferSysfs: {error}");
        var geometry = display.Geometry() ?? throw new InvalidOperationException("Display:Size is invalid: validate the options (SignageOptionsValidator) first.");
        return new FramebufferOutput(SignageOptions.Text(display.Framebuffer) ?? SignageDisplayOptions.DefaultFramebuffer, fb, geometry.Width, geometry.Height, display.Rotate);
    }
}
