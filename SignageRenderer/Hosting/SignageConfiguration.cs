using Microsoft.Extensions.Configuration;

namespace MppSignage.SignageRenderer.Hosting;

/// <summary>
/// Builds the renderer's configuration the standard .NET way: appsettings.json, appsettings.{environment}.json
/// (DOTNET_ENVIRONMENT, e.g. Development for the local run's well-known screen password), then MPP_ environment
/// variables, then --Section:Key=value.
/// </summary>
public static class SignageConfiguration
{
    /// <summary>The environment variable prefix (<c>MPP_Display__Size=1080x1920</c>).</summary>
    public const string EnvironmentPrefix = "MPP_";

    /// <summary>Adds the sources to <paramref name="builder"/> in precedence order.</summary>
    public static IConfigurationBuilder AddSignageSources(this IConfigurationBuilder builder, IReadOnlyList<string> commandLine)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(commandLine);
        return builder
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{EnvironmentName()}.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(commandLine.ToArray());
    }

    private static string EnvironmentName() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } name ? name : "Production";

    /// <summary>A configuration from the standard sources (for verbs that do not start the host).</summary>
    public static IConfiguration Build(IReadOnlyList<string> commandLine) =>
        new ConfigurationBuilder().AddSignageSources(commandLine).Build();
}
