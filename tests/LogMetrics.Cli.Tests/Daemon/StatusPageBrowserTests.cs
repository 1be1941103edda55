using LogMetrics.Cli.Tests.Support;
using Microsoft.Playwright;

namespace LogMetrics.Cli.Tests.Daemon;

/// <summary>The status page in a real browser: Debian's chromium driven by Playwright (installed by .ci/install-deps.sh).
/// Screenshots are written next to the test binaries under artifacts/ as a record of the run, not compared.</summary>
public sealed class StatusPageBrowserTests
{
    private static readonly LocatorAssertionsToContainTextOptions s_wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task PageShowsStateUpdatesAfterAppendedLinesAndExplainsAPastedLine()
    {
        using var dir = new TempDirectory();
        dir.Write("progs/web.rules", Programs.Web);
        var log = dir.Write("web.log", Programs.WebLog);
        await using var daemon = await DaemonProcess.StartAsync(dir["progs"], log);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        await page.GotoAsync(daemon.Url("/").ToString());

        var programs = page.Locator("#programs");
        await Assertions.Expect(programs).ToContainTextAsync("web.rules", s_wait);
        await Assertions.Expect(programs).ToContainTextAsync("running", s_wait);
        await Assertions.Expect(programs).ToContainTextAsync("Matches/s", s_wait);
        var logLines = page.Locator("#logs tr:nth-child(2) td:nth-child(5)");
        await Assertions.Expect(page.Locator("#logs")).ToContainTextAsync(log, s_wait);
        await Assertions.Expect(logLines).ToHaveTextAsync("4", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#metrics")).ToContainTextAsync("requests_total", s_wait);
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("web.rules", s_wait);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("status-page-start.png"), FullPage = true });

        // The script redraws the tables the server rendered, with the same columns and the same cells.
        var served = await daemon.GetStringAsync("/");
        foreach (var table in new[] { "programs", "logs", "metrics" })
        {
            var redrawn = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('#{table} th')].map(th => th.textContent)");
            var rendered = System.Text.RegularExpressions.Regex.Match(served, $"<table id=\"{table}\"><tr>(.*?)</tr>").Groups[1].Value;
            Assert.Equal(System.Text.RegularExpressions.Regex.Matches(rendered, "<th>(.*?)</th>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)), redrawn);
        }

        var logRow = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#logs tr:nth-child(2) td')].map(td => td.innerHTML)");
        var servedLogRow = System.Text.RegularExpressions.Regex.Match(served, "<table id=\"logs\">.*?</tr>\n<tr>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var servedCells = System.Text.RegularExpressions.Regex.Matches(servedLogRow, "<td>(.*?)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(servedCells.Count, logRow.Length);
        Assert.Equal(servedCells[0], logRow[0]);
        Assert.Equal(servedCells[4], logRow[4]);

        File.AppendAllText(log, "GET /d 40\nPOST /e 50\nGET /f 60\nnot a request\n");
        await Assertions.Expect(logLines).ToHaveTextAsync("8", new() { Timeout = 30_000 });
        var matched = page.Locator("#programs tr:nth-child(2) td:nth-child(5)");
        await Assertions.Expect(matched).ToHaveTextAsync("6", new() { Timeout = 30_000 });

        await page.FillAsync("#explain-input", "PUT /g 70\nGET /h oops");
        await page.ClickAsync("#explain-button");
        var explained = page.Locator("#explained");
        await Assertions.Expect(explained).ToContainTextAsync("web.rules on line 1: matched", s_wait);
        await Assertions.Expect(explained).ToContainTextAsync("requests_total{method=\"PUT\"}  (new) -> 1", s_wait);
        await Assertions.Expect(explained).ToContainTextAsync("web.rules on line 2: no pattern matched", s_wait);
        await Assertions.Expect(explained).ToContainTextAsync("did not match at column 8", s_wait);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("status-page-explain.png"), FullPage = true });

        // The explain box does not touch the live metrics.
        var metrics = await daemon.GetStringAsync("/metrics");
        Assert.DoesNotContain("method=\"PUT\"", metrics);
    }

    private static string Artifact(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
