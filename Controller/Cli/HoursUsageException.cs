namespace MppSignage.Controller.Cli;

/// <summary>A bad command-line argument of an hours verb; reported as one line, exit code 2.</summary>
internal sealed class HoursUsageException(string message) : Exception(message);
