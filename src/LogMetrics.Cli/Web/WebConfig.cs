namespace LogMetrics.Cli.Web;

/// <summary>A web config file read and checked: the certificate loaded, the users' hashes kept.</summary>
internal sealed record WebConfig
{
    public static readonly WebConfig Empty = new();

    /// <summary>Null means plain HTTP.</summary>
    public TlsSettings? Tls { get; init; }

    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>Keys present in the file that are accepted but not acted on.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>Files whose change means the config must be read again.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Reads and checks the file; throws <see cref="WebConfigException"/> with a clear message.</summary>
    public static WebConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WebConfigException($"cannot read web config {path}: {e.Message}");
        }

        var file = WebConfigFile.Parse(text, path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        List<string> files = [Path.GetFullPath(path)];
        var tls = file.TlsServerConfig is null ? null : TlsSettings.Load(file.TlsServerConfig, directory, path, files);
        foreach (var (user, hash) in file.BasicAuthUsers ?? [])
        {
            if (!hash.StartsWith("$2", StringComparison.Ordinal))
            {
                throw new WebConfigException($"{path}: basic_auth_users: the password of '{user}' is not a bcrypt hash");
            }
        }

        List<string> ignored = [];
        if (file.HasHttpServerConfig)
        {
            ignored.Add("http_server_config");
        }

        if (file.HasRateLimit)
        {
            ignored.Add("rate_limit");
        }

        return new WebConfig
        {
            Tls = tls,
            Users = file.BasicAuthUsers ?? [],
            Ignored = ignored,
            Files = files,
        };
    }
}
