using System.Collections.Concurrent;
using System.Diagnostics;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>A long-running child (nginx, Prometheus, the daemon) whose output is kept and which never outlives the tests.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private readonly Process _process;
    private int _pid;

    static ChildProcess()
    {
        // A test run that is aborted must not leave nginx or Prometheus behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Live.Values)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                }
            }
        };
    }

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    /// <summary>The pid, still known after the process is gone.</summary>
    public int Id => _pid;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public OutputBuffer Output { get; } = new();

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = RedirectedStartInfo.Create(fileName, arguments, workingDirectory);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.Output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Output.Append(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: could not start {fileName}");
        }

        child._pid = process.Id;
        Live[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public void Signal(int signal) => Posix.Signal(_pid, signal);

    /// <summary>Waits for the exit and returns the exit code; throws with the output tail when it takes longer.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} (pid {Id}) did not exit within {timeout.TotalSeconds:0.#} s. Output:\n{Output.Tail()}");
        }

        Live.TryRemove(_pid, out _);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Signal(Posix.SigTerm);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the signal.
        }

        Live.TryRemove(_pid, out _);
        _process.Dispose();
    }
}
