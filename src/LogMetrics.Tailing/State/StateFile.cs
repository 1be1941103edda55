using System.Text.Json;

namespace LogMetrics.Tailing.State;

/// <summary>
/// The positions file in the state directory, written atomically (temp file, fsync, rename).
/// </summary>
/// <remarks>
/// It is written about once a second and on stop. After a kill -9, lines handed to the sink after the last write
/// (up to about a second of lines) are read again and counted twice; lines the sink had queued but not yet processed
/// at the kill are lost with the process, as are any metrics not yet scraped.
/// </remarks>
internal sealed class StateFile(string directory)
{
    private const string FileName = "positions.json";
    public string Path { get; } = System.IO.Path.Combine(directory, FileName);

    public IReadOnlyList<FileState> Load()
    {
        try
        {
            if (!File.Exists(Path))
            {
                return [];
            }

            return JsonSerializer.Deserialize(File.ReadAllBytes(Path), StateJsonContext.Default.ListFileState) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public void Save(IReadOnlyList<FileState> states)
    {
        Directory.CreateDirectory(directory);
        var temp = Path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, states, StateJsonContext.Default.IReadOnlyListFileState);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path, overwrite: true);
    }
}
