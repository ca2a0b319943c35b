using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.State;
using MppSignage.MqttHost;

namespace MppSignage.Controller.Cli;

/// <summary>
/// <c>mpp-controller run [--Section:Key=value …]</c> (also the default when no verb is given): runs the
/// door controller service until SIGTERM/Ctrl+C. Exit codes: 0 stopped, 2 invalid configuration, 1 failed to start.
/// </summary>
public static class RunVerb
{
    /// <summary>The <c>run</c> command.</summary>
    public static Command Create()
    {
        var cmd = new Command("run", "Run the door controller service (the default verb) until SIGTERM/Ctrl+C. Configuration: --Section:Key=value (e.g. --Mqtt:Port=1884), env MPP_Section__Key, appsettings.json.");
        cmd.SetAction(parse => Run(ConfigurationOverrides.From(parse)));
        return cmd;
    }

    /// <summary>Builds and runs the host with <paramref name="args"/> as configuration overrides.</summary>
    public static int Run(string[] args)
    {
        IHost host;
        try
        {
            host = ControllerHost.Build(args);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or IOException)
        {
            Console.Error.WriteLine($"mpp-controller: configuration error: {ex.Message}");
            return 2;
        }

        InstanceLock? instance = null;
        try
        {
            // Before any hosted service is built or started: a second instance must not touch the broker port, the GPIO or the state.
            instance = InstanceLock.Acquire(host.Services.GetRequiredService<StateStore>().Directory);
            host.Run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine("mpp-controller: invalid configuration, not started:");
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"  - {failure}");
            }

            return 2;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder names the key ("… at 'Door:CheckIntervalSeconds' to type 'System.Int32'").
            Console.Error.WriteLine($"mpp-controller: invalid configuration, not started: {ex.Message} Fix: give a value of that type.");
            return 2;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Start-up failures (port in use, GPIO driver unavailable, unwritable state directory) end here with their message, not a stack trace.
            Console.Error.WriteLine($"mpp-controller: cannot start: {ex.Message}");
            return 1;
        }
        finally
        {
            host.Dispose();
            instance?.Dispose();
        }
    }
}
