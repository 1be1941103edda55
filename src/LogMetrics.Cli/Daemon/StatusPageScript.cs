namespace LogMetrics.Cli.Daemon;

/// <summary>The live part of the status page, served inline (no CDN): it polls /-/status.json every second, redraws the
/// tables of <see cref="StatusTables"/> and a chart of lines/s and matches/s per program, and explains pasted lines.</summary>
internal static class StatusPageScript
{
    /// <summary>The script and the parts of the page only it fills; <paramref name="tables"/> is
    /// <see cref="StatusTables.DefinitionsJson"/>.</summary>
    public static string Html(string tables) => Template.Replace("/*TABLES*/{}", tables, StringComparison.Ordinal);

    private const string Template = """
        <h2>Rates</h2>
        <p>Lines/s (solid) and matches/s (dashed) per program over the last two minutes. Last update: <span id="updated">never</span>.</p>
        <canvas id="chart" width="720" height="180"></canvas>
        <div id="legend"></div>
        <h2>Explain a line</h2>
        <p>Paste log lines; each is run through every loaded program (on a store of its own: the live metrics do not change).</p>
        <textarea id="explain-input" rows="3" placeholder="a log line"></textarea>
        <p><button id="explain-button" type="button">Explain</button></p>
        <div id="explained"></div>
        <script>
        "use strict";
        const colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
        const history = {};
        let previous = null;
        const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
        const tables = /*TABLES*/{};
        // Mirrors StatusTables.AppendCell on the server: change both together.
        function cell(kind, v) {
          const missing = v === undefined || v === null;
          switch (kind) {
            case "rate": return missing ? "" : v.toFixed(1);
            case "state": return '<span class="' + (v === "running" ? "ok" : "error") + '">' + esc(v) + "</span>";
            case "time": return missing ? "" : esc(new Date(v).toISOString());
            case "diagnostics": return "<pre>" + (v ?? []).map((d) => '<span class="' + (d.error ? "error" : "warning") + '">' + esc(d.text) + "</span>").join("\n") + "</pre>";
            case "alarm": return v > 0 ? '<span class="error">' + v + "</span>" : "0";
            default: return missing ? "" : esc(v);
          }
        }
        function table(id, rows) {
          const columns = tables[id];
          document.getElementById(id).innerHTML =
            "<tr>" + columns.map((c) => "<th>" + esc(c.header) + "</th>").join("") + "</tr>" +
            rows.map((r) => "<tr>" + columns.map((c) => "<td>" + cell(c.kind, r[c.field]) + "</td>").join("") + "</tr>").join("");
        }

        function render(status) {
          const now = Date.parse(status.now);
          const seconds = previous ? (now - previous.time) / 1000 : 0;
          for (const p of status.programs) {
            const before = previous && previous.programs[p.name];
            const h = history[p.name] ??= [];
            if (before && seconds > 0) {
              h.push({ lines: Math.max(0, p.lines - before.lines) / seconds, matches: Math.max(0, p.matched - before.matched) / seconds });
              if (h.length > 120) h.shift();
            }
          }
          previous = { time: now, programs: Object.fromEntries(status.programs.map((p) => [p.name, p])) };
          table("programs", status.programs);
          table("logs", status.logs);
          table("metrics", status.metrics);
          document.getElementById("refused").hidden = !status.metrics.some((m) => m.refused > 0);
          document.getElementById("updated").textContent = new Date(now).toISOString();
          drawChart();
        }

        function drawChart() {
          const canvas = document.getElementById("chart");
          const g = canvas.getContext("2d");
          g.clearRect(0, 0, canvas.width, canvas.height);
          const names = Object.keys(history).sort();
          const max = Math.max(1, ...names.flatMap((n) => history[n].flatMap((s) => [s.lines, s.matches])));
          g.fillStyle = "#666"; g.font = "11px sans-serif"; g.fillText(max.toFixed(1) + "/s", 4, 12); g.fillText("0", 4, canvas.height - 4);
          const x = (i) => 40 + i * (canvas.width - 50) / 119;
          const y = (v) => canvas.height - 10 - v / max * (canvas.height - 25);
          names.forEach((name, k) => {
            for (const [field, dash] of [["lines", []], ["matches", [4, 3]]]) {
              g.strokeStyle = colors[k % colors.length]; g.setLineDash(dash); g.beginPath();
              history[name].forEach((s, i) => i === 0 ? g.moveTo(x(i), y(s[field])) : g.lineTo(x(i), y(s[field])));
              g.stroke();
            }
          });
          g.setLineDash([]);
          document.getElementById("legend").innerHTML = names.map((n, k) => '<span style="color:' + colors[k % colors.length] + '">&#9632; ' + esc(n) + "</span>").join(" &nbsp; ");
        }

        async function poll() {
          try {
            const response = await fetch("/-/status.json", { cache: "no-store" });
            if (response.ok) render(await response.json());
            else document.getElementById("updated").textContent = "error " + response.status;
          } catch (e) {
            document.getElementById("updated").textContent = "unreachable: " + e;
          }
        }

        function explainText(e) {
          if (e.error) return '<pre class="error">' + esc(e.program) + ": " + esc(e.error) + "</pre>";
          const out = [esc(e.program) + " on line " + e.line_number + ": " + (e.patterns.some((p) => p.reached && p.matched) ? '<span class="ok">matched</span>' : '<span class="miss">no pattern matched</span>')];
          for (const p of e.patterns) {
            const state = p.matched ? (p.reached ? "matched" : "matches, but was not reached") : (p.reached ? "no match" : "no match (not reached)");
            out.push("  /" + esc(p.text) + "/: " + state);
            for (const g of p.grok) out.push("      " + esc(g.reference) + " = " + esc(g.definition));
            for (const c of p.captures) if (c.number > 0) out.push("      $" + esc(c.name ?? c.number) + " (" + c.type + ") = " + (c.value == null ? "(did not take part)" : '"' + esc(c.value) + '"'));
            if (p.progress && !p.progress.matched) {
              out.push("    | " + esc(e.line));
              out.push("    | " + " ".repeat(p.progress.match_end) + "^");
              out.push("      then `" + esc(p.progress.failed_part) + "`" + (p.progress.failed_in ? " in " + esc(p.progress.failed_in) : "") + " did not match at column " + (p.progress.match_end + 1));
            }
          }
          for (const s of e.steps) out.push("  " + s.span.line + ":" + s.span.column + "  " + esc(s.source) + "  " + esc(s.outcome));
          for (const c of e.series) out.push("  " + esc(c.metric) + (c.labels.length ? "{" + c.labels.map((l) => esc(l.key) + '="' + esc(l.value) + '"').join(",") + "}" : "") + "  " + esc(c.before ?? "(new)") + " -> " + esc(c.after ?? "(deleted)"));
          if (e.error) out.push('<span class="error">runtime error: ' + esc(e.error) + "</span>");
          return "<pre>" + out.join("\n") + "</pre>";
        }

        document.getElementById("explain-button").addEventListener("click", async () => {
          const target = document.getElementById("explained");
          target.textContent = "explaining...";
          const response = await fetch("/-/explain", { method: "POST", body: document.getElementById("explain-input").value });
          target.innerHTML = response.ok ? (await response.json()).map(explainText).join("") : '<pre class="error">error ' + response.status + "</pre>";
        });
        poll();
        setInterval(poll, 1000);
        </script>

        """;
}
