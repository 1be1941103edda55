using LogMetrics.Lines;
using LogMetrics.Tailing.Formats;
using LogMetrics.Tailing.Lines;
using Microsoft.Win32.SafeHandles;

namespace LogMetrics.Tailing;

/// <summary>
/// Reads every matching file from start to EOF once, in sorted path order. A reader thread reads, splits and decodes
/// ahead of the caller's thread, which hands the batches to the sink, so file reading overlaps processing.
/// </summary>
internal sealed class OneShotReader(TailOptions options, ILineSink sink, Serilog.ILogger log)
{
    internal const int ChunkBytes = 256 * 1024;
    private const int QueueBatches = 16;

    private readonly List<SourceCounters> _counters = [];

    public IReadOnlyList<SourceStatus> Run()
    {
        var cwd = Directory.GetCurrentDirectory();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var stdin = false;
        foreach (var text in options.Sources)
        {
            var spec = SourceSpec.Parse(text, cwd);
            switch (spec.Kind)
            {
                case SourceKind.Stdin:
                    stdin = true;
                    break;
                case SourceKind.Files:
                    var matches = spec.Glob!.Expand();
                    if (matches.Count == 0)
                    {
                        log.Warning("No file matches {Pattern}", spec.Glob.Pattern);
                    }

                    files.UnionWith(matches);
                    break;
                default:
                    log.Warning("Listener {Source} is ignored when reading to the end", text);
                    break;
            }
        }

        foreach (var rule in options.Multiline.Where(r => !files.Any(r.AppliesTo) && !(stdin && r.AppliesTo("-"))))
        {
            log.Warning("The multiline rule {Rule} applies to no log being read", rule.Text);
        }

        var queue = new LineBatchQueue(QueueBatches);
        using var cancel = new CancellationTokenSource();
        Exception? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                var target = new QueueSink(queue, cancel.Token);
                foreach (var path in files)
                {
                    ReadFile(path, target, cancel.Token);
                }

                if (stdin)
                {
                    using var input = Console.OpenStandardInput();
                    Pump("-", span => input.Read(span), target, cancel.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "logmetrics-read",
        };
        producer.Start();
        try
        {
            while (queue.TryTake(out var batch))
            {
                sink.OnLines(batch);
            }
        }
        catch
        {
            cancel.Cancel();
            throw;
        }
        finally
        {
            producer.Join();
        }

        if (failure is not null)
        {
            throw new IOException("Reading the logs failed: " + failure.Message, failure);
        }

        return [.. _counters.Select(c => c.Snapshot())];
    }

    private void ReadFile(string path, ILineSink target, CancellationToken ct)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var counters = new SourceCounters(path);
            counters.AddOpenError();
            lock (_counters)
            {
                _counters.Add(counters);
            }

            log.Warning("Cannot open {Path}: {Reason}", path, ex.Message);
            return;
        }

        using (handle)
        {
            long offset = 0;
            Pump(path, span =>
            {
                var n = RandomAccess.Read(handle, span, offset);
                offset += n;
                return n;
            }, target, ct);
        }
    }

    private void Pump(string source, Func<Span<byte>, int> read, ILineSink target, CancellationToken ct)
    {
        var counters = new SourceCounters(source);
        lock (_counters)
        {
            _counters.Add(counters);
        }

        var pipeline = SourcePipeline.Build(source, options, target, counters, log);
        var splitter = new LineSplitter(source, options.MaxLineBytes, ChunkBytes, counters);
        long total = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var memory = splitter.GetWriteMemory();
            var n = read(memory.Span[..Math.Min(memory.Length, ChunkBytes)]);
            if (n <= 0)
            {
                break;
            }

            total += n;
            counters.AddBytes(n);
            counters.SetPosition(total, total);
            splitter.Commit(n, pipeline.Head);
        }

        splitter.Flush(pipeline.Head);
        pipeline.Flush();
        splitter.Release();
    }
}
