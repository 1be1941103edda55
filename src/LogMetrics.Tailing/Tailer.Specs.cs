using LogMetrics.Tailing.Files;

namespace LogMetrics.Tailing;

public sealed partial class Tailer
{
    /// <summary>Each --logs entry: followed, waiting in a watched directory, or neither (for readiness and the log).</summary>
    public IReadOnlyList<SpecStatus> Specs
    {
        get
        {
            var cwd = Directory.GetCurrentDirectory();
            List<FileFollower> followers;
            lock (_followers)
            {
                followers = [.. _followers.Values];
            }

            var result = new List<SpecStatus>();
            foreach (var text in _options.Sources)
            {
                var spec = SourceSpec.Parse(text, cwd);
                if (spec.Kind != SourceKind.Files)
                {
                    // stdin and listeners: served once started (a listener that cannot bind is logged and retried).
                    result.Add(new SpecStatus(text, 1, 0, true));
                    continue;
                }

                var glob = spec.Glob!;
                var matching = followers.Where(f => glob.IsMatch(f.Path)).ToList();
                var open = matching.Count(f => f.IsOpen);
                var unopened = matching.Count(f => !f.IsOpen && File.Exists(f.Path));
                result.Add(new SpecStatus(text, open, unopened, Directory.Exists(glob.BaseDirectory)));
            }

            return result;
        }
    }
}
