using BenchmarkDotNet.Running;

namespace LogMetrics.Benchmarks;

internal static class Program
{
    // bench/run.sh --micro passes: --filter '*' --job short --artifacts bench/out/micro
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
