using System.Text;
using System.Text.Json;
using MppSignage.Controller.Options;
using MppSignage.MqttHost;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using Microsoft.Extensions.Options;

namespace MppSignage.Controller.State;

/// <summary>
/// The controller's durable state in <c>State:Directory</c>: <c>override.json</c>, <c>schedule.json</c>
/// (the last schedule accepted over MQTT) and <c>journal.jsonl</c> (append-only audit). Writes are atomic;
/// a corrupt file is reported, set aside as <c>*.corrupt</c>, and the safe default used.
/// </summary>
internal sealed class StateStore
{
    public const string OverrideFile = "override.json";
    public const string ScheduleFile = "schedule.json";
    public const string JournalFile = "journal.jsonl";

    private readonly object _journalLock = new();

    private readonly long _journalMaxBytes;
    private readonly int _journalFiles;

    public StateStore(IOptions<StateOptions> options)
    {
        Directory = Path.GetFullPath(options.Value.Directory);
        _journalMaxBytes = options.Value.JournalMaxBytes;
        _journalFiles = options.Value.JournalFiles;
    }

    /// <summary>The journal files, oldest first (<c>journal.N.jsonl</c> … <c>journal.1.jsonl</c>, <c>journal.jsonl</c>).</summary>
    public IReadOnlyList<string> JournalPaths()
    {
        var paths = new List<string>();
        for (var i = _journalFiles - 1; i >= 1; i--)
        {
            var p = RotatedJournal(i);
            if (File.Exists(p))
            {
                paths.Add(p);
            }
        }

        paths.Add(Path.Combine(Directory, JournalFile));
        return paths;
    }

    private string RotatedJournal(int n) => Path.Combine(Directory, $"journal.{n}.jsonl");

    // Shifts journal.jsonl to journal.1.jsonl (and so on up), deleting the oldest: at most _journalFiles files.
    private void RotateJournal()
    {
        var current = Path.Combine(Directory, JournalFile);
        if (_journalFiles <= 1)
        {
            File.Delete(current);
            return;
        }

        File.Delete(RotatedJournal(_journalFiles - 1));
        for (var i = _journalFiles - 2; i >= 1; i--)
        {
            if (File.Exists(RotatedJournal(i)))
            {
                File.Move(RotatedJournal(i), RotatedJournal(i + 1));
            }
        }

        File.Move(current, RotatedJournal(1));
    }

    /// <summary>The state directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>Test hook run between writing a temporary file and renaming it (simulates a crash when it throws).</summary>
    internal Action? BeforeRename { get; set; }

    /// <summary>Test hook: runs before journal lines are appended (e.g. to make the disk slow).</summary>
    internal Action? BeforeJournalAppend { get; set; }

    /// <summary>
    /// Creates the directory and removes temporary files of an interrupted write; returns their names. Never
    /// throws for an unwritable directory (an SD card remounted read-only): the controller must still start,
    /// publish and refuse changes with the reason, so what failed goes to <paramref name="problems"/>.
    /// </summary>
    public IReadOnlyList<string> Prepare(ICollection<string>? problems = null)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems?.Add($"cannot create the state directory {Directory} ({ex.Message}); changes will be refused until it is writable");
            return [];
        }

        return AtomicFile.RemoveLeftovers(Directory, problems);
    }

    /// <summary>The refusal of a change that could not be saved, naming the directory and the cause.</summary>
    public string CannotSave(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return $"the state directory {Directory} cannot be written ({ex.Message}); nothing changed";
    }

    public LoadResult<OverrideState> LoadOverride()
    {
        var path = Path.Combine(Directory, OverrideFile);
        if (!File.Exists(path))
        {
            return new(null, null);
        }

        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllBytes(path), MqttJsonContext.File.OverrideStateFile)
                ?? throw new FormatException("the file holds null");
            return new(file.ToState(), null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return new(null, $"{path} is unreadable ({ex.Message}); set aside as {SetAside(path)}; running in automatic mode");
        }
    }

    public void SaveOverride(OverrideState? value)
    {
        var path = Path.Combine(Directory, OverrideFile);
        if (value is null)
        {
            AtomicFile.Delete(path);
            return;
        }

        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(OverrideStateFile.Of(value), MqttJsonContext.File.OverrideStateFile), BeforeRename);
    }

    /// <summary>The last schedule document accepted over MQTT, or null.</summary>
    public LoadResult<string> LoadSchedule()
    {
        var path = Path.Combine(Directory, ScheduleFile);
        if (!File.Exists(path))
        {
            return new(null, null);
        }

        try
        {
            var text = File.ReadAllText(path, new UTF8Encoding(false, true));
            return new(text, null);
        }
        catch (Exception ex) when (ex is IOException or DecoderFallbackException or UnauthorizedAccessException)
        {
            return new(null, $"{path} is unreadable ({ex.Message})");
        }
    }

    public void SaveSchedule(string json) =>
        AtomicFile.Write(Path.Combine(Directory, ScheduleFile), Encoding.UTF8.GetBytes(json), BeforeRename);

    /// <summary>Moves an unusable schedule copy aside so the configured file is used next time.</summary>
    public string SetAsideSchedule() => SetAside(Path.Combine(Directory, ScheduleFile));

    /// <summary>Appends one audit line (flushed to disk: the journal is the record of who did what).</summary>
    public void AppendJournal(EventMessage entry) => AppendJournal([entry]);

    /// <summary>
    /// Appends audit lines with one fsync for all of them (one more per rotation). A line that would take
    /// <c>journal.jsonl</c> past <c>State:JournalMaxBytes</c> rotates it first, so the journal stays within
    /// <c>State:JournalFiles</c> files of that size.
    /// </summary>
    public void AppendJournal(IReadOnlyList<EventMessage> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        BeforeJournalAppend?.Invoke();
        var path = Path.Combine(Directory, JournalFile);
        lock (_journalLock)
        {
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            try
            {
                if (stream.Position > 0 && !EndsWithNewline(path, stream.Position))
                {
                    // A power cut mid-append left a partial line; start a fresh one so the next entry stays readable.
                    stream.WriteByte((byte)'\n');
                }

                foreach (var entry in entries)
                {
                    var line = JsonSerializer.SerializeToUtf8Bytes(entry, MqttJsonContext.Wire.EventMessage);
                    if (stream.Position > 0 && stream.Position + line.Length + 1 > _journalMaxBytes)
                    {
                        stream.Flush(flushToDisk: true);
                        stream.Dispose();
                        RotateJournal();
                        stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
                    }

                    stream.Write(line);
                    stream.WriteByte((byte)'\n');
                }

                stream.Flush(flushToDisk: true);
            }
            finally
            {
                stream.Dispose();
            }
        }
    }

    /// <summary>Reads the journal's readable entries, oldest first across the rotated files (a torn line is skipped).</summary>
    public IReadOnlyList<EventMessage> ReadJournal()
    {
        var list = new List<EventMessage>();
        foreach (var line in JournalPaths().Where(File.Exists).SelectMany(File.ReadLines))
        {
            try
            {
                if (line.Length > 0 && JsonSerializer.Deserialize(line, MqttJsonContext.Wire.EventMessage) is { } e)
                {
                    list.Add(e);
                }
            }
            catch (JsonException)
            {
                // A torn line from a power cut; the entries around it are still valid.
            }
        }

        return list;
    }

    private static bool EndsWithNewline(string path, long length)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        reader.Seek(length - 1, SeekOrigin.Begin);
        return reader.ReadByte() == '\n';
    }

    private static string SetAside(string path)
    {
        var aside = path + ".corrupt";
        try
        {
            File.Move(path, aside, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leaving it in place is harmless (a read-only disk): it is re-reported at the next start.
        }

        return Path.GetFileName(aside);
    }
}
