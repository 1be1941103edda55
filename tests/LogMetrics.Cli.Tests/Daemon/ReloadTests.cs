using System.Net;
using LogMetrics.Cli.Tests.Support;

namespace LogMetrics.Cli.Tests.Daemon;

public sealed class ReloadTests
{
    [Fact]
    public async Task PostReloadKeepsTheStateOfUnchangedPrograms()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();

        var reload = await daemon.Client.PostAsync(daemon.Url("/-/reload"), null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(2, ExpositionParser.Value(await daemon.GetStringAsync("/metrics"), "requests_total", ("method", "GET")));

        File.AppendAllText(log, "GET /e 5\n");
        await daemon.WaitForValueAsync("requests_total", 3, ("method", "GET"));
    }

    [Fact]
    public async Task FailedCompileKeepsTheOldVersionRunning()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        var program = dir["progs/web.rules"];
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();

        File.WriteAllText(program, Programs.Web + "\n}}} this does not parse\n");
        var reload = await daemon.Client.PostAsync(daemon.Url("/-/reload"), null);
        Assert.Equal(HttpStatusCode.InternalServerError, reload.StatusCode);
        Assert.Matches(@"web\.rules:\d+:\d+: error LM\d{4}", await reload.Content.ReadAsStringAsync());

        File.AppendAllText(log, "GET /f 5\n");
        var text = await daemon.WaitForValueAsync("requests_total", 3, ("method", "GET"));
        Assert.Equal(1, ExpositionParser.Value(text, "logmetrics_program_loads_total", ("program", "web.rules")));
        Assert.True(ExpositionParser.Value(text, "logmetrics_program_load_errors_total", ("program", "web.rules")) >= 1);
        Assert.Matches(@"web\.rules:\d+:\d+: error LM\d{4}", await daemon.GetStringAsync("/"));
    }

    [Fact]
    public async Task ABadProgramAtStartIsReportedAndTheOthersRun()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        dir.Write("progs/broken.rules", Programs.Broken);
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);

        await daemon.WaitForWebLogAsync();
        Assert.Matches(@"broken\.rules:4:3: error LM\d{4}", await daemon.GetStringAsync("/"));
        var text = await daemon.GetStringAsync("/metrics");
        Assert.True(ExpositionParser.Value(text, "logmetrics_program_load_errors_total", ("program", "broken.rules")) >= 1);
    }

    [Fact]
    public async Task DeletedProgramsMetricsDisappear()
    {
        using var dir = new TempDirectory();
        var web = dir.Write("progs/web.rules", Programs.Web);
        dir.Write("progs/lines.rules", Programs.Lines);
        var log = dir.Write("access.log", Programs.WebLog);
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();
        await daemon.WaitForValueAsync("lines_total", 4);

        File.Delete(web);
        var reload = await daemon.Client.PostAsync(daemon.Url("/-/reload"), null);
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        var text = await daemon.GetStringAsync("/metrics");
        Assert.DoesNotContain(ExpositionParser.Parse(text), s => s.Name == "requests_total");
        Assert.Equal(4, ExpositionParser.Value(text, "lines_total"));
    }

    [Fact]
    public async Task SighupLoadsNewProgramsAndKeepsOthersState()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        // Without the directory watcher the reload can only come from SIGHUP.
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log, ["--watch-progs", "false"]);
        await daemon.WaitForWebLogAsync();

        dir.Write("progs/lines.rules", Programs.Lines);
        Posix.Signal(daemon.Process.Id, Posix.SigHup);
        await Poll.UntilAsync("lines.rules on the landing page", () => daemon.GetStringAsync("/"), html => html.Contains("lines.rules"));
        Assert.Equal(2, ExpositionParser.Value(await daemon.GetStringAsync("/metrics"), "requests_total", ("method", "GET")));
        Assert.False(daemon.Process.HasExited);
    }

    [Fact]
    public async Task ChangesInTheProgramsDirectoryReloadWithoutSignal()
    {
        using var dir = new TempDirectory();
        var log = dir.WriteWebProgramAndLog();
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);
        await daemon.WaitForWebLogAsync();

        dir.Write("progs/lines.rules", Programs.Lines);
        File.AppendAllText(log, "PUT /x 1\n");
        await daemon.WaitForValueAsync("requests_total", 1, ("method", "PUT"));
        await Poll.UntilAsync("lines.rules on the landing page", () => daemon.GetStringAsync("/"), html => html.Contains("lines.rules"));
    }
}
