using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LogMetrics.Cli.Web;

/// <summary>The Prometheus exporter-toolkit web config file (docs/web-configuration.md), as its YAML maps it.</summary>
/// <remarks>Read from YamlDotNet's node tree by hand, not by its reflection deserializer, which a NativeAOT build
/// cannot run. Every error names the file's own keys at line:col.</remarks>
internal sealed class WebConfigFile
{
    public TlsServerConfig? TlsServerConfig { get; private set; }

    public Dictionary<string, string>? BasicAuthUsers { get; private set; }

    /// <summary>Accepted so that existing files load; LogMetrics does not act on it.</summary>
    public bool HasHttpServerConfig { get; private set; }

    /// <summary>Accepted so that existing files load; LogMetrics does not act on it.</summary>
    public bool HasRateLimit { get; private set; }

    /// <summary>Reads the file's text; throws <see cref="WebConfigException"/> as <c>PATH:LINE:COL: message</c>.</summary>
    public static WebConfigFile Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new WebConfigException($"{path}:{e.Start.Line}:{e.Start.Column}: {(e.InnerException ?? e).Message}");
        }

        var file = new WebConfigFile();
        if (stream.Documents.Count == 0 || IsNull(stream.Documents[0].RootNode))
        {
            return file;
        }

        var reader = new Reader(path);
        foreach (var (key, keyNode, value) in reader.Map(stream.Documents[0].RootNode, "the file"))
        {
            switch (key)
            {
                case "tls_server_config":
                    file.TlsServerConfig = IsNull(value) ? null : ReadTls(reader, value);
                    break;
                case "basic_auth_users":
                    file.BasicAuthUsers = IsNull(value) ? null : reader.Map(value, key).ToDictionary(e => e.Name, e => reader.String(e.Value, e.Name) ?? "", StringComparer.Ordinal);
                    break;
                case "http_server_config":
                    file.HasHttpServerConfig = !IsNull(value) && reader.IsMap(value, key);
                    break;
                case "rate_limit":
                    file.HasRateLimit = !IsNull(value) && reader.IsMap(value, key);
                    break;
                default:
                    throw reader.Error(keyNode, $"unknown key '{key}'");
            }
        }

        return file;
    }

    private static TlsServerConfig ReadTls(Reader reader, YamlNode node)
    {
        var tls = new TlsServerConfig();
        foreach (var (key, keyNode, value) in reader.Map(node, "tls_server_config"))
        {
            switch (key)
            {
                case "cert_file": tls.CertFile = reader.String(value, key); break;
                case "key_file": tls.KeyFile = reader.String(value, key); break;
                case "cert": tls.Cert = reader.String(value, key); break;
                case "key": tls.Key = reader.String(value, key); break;
                case "client_auth_type": tls.ClientAuthType = reader.String(value, key); break;
                case "client_ca_file": tls.ClientCaFile = reader.String(value, key); break;
                case "client_allowed_sans": tls.ClientAllowedSans = reader.Strings(value, key); break;
                case "min_version": tls.MinVersion = reader.String(value, key); break;
                case "max_version": tls.MaxVersion = reader.String(value, key); break;
                case "cipher_suites": tls.CipherSuites = reader.Strings(value, key); break;
                case "curve_preferences": tls.CurvePreferences = reader.Strings(value, key); break;
                case "prefer_server_cipher_suites": tls.PreferServerCipherSuites = reader.Bool(value, key); break;
                default: throw reader.Error(keyNode, $"unknown key '{key}' in tls_server_config");
            }
        }

        return tls;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    private sealed class Reader(string path)
    {
        public WebConfigException Error(YamlNode node, string message) =>
            new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");

        /// <summary>True for a map (of any keys); an error for any other value.</summary>
        public bool IsMap(YamlNode node, string what) => AsMap(node, what) is not null;

        public List<(string Name, YamlNode Key, YamlNode Value)> Map(YamlNode node, string what)
        {
            var map = AsMap(node, what);
            List<(string Name, YamlNode Key, YamlNode Value)> entries = [];
            foreach (var (key, value) in map.Children)
            {
                if (key is not YamlScalarNode { Value: { } name })
                {
                    throw Error(key, $"{what}: a key must be a plain string");
                }

                entries.Add((name, key, value));
            }

            return entries;
        }

        private YamlMappingNode AsMap(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"{what}: expected a map of keys to values");

        public string? String(YamlNode node, string key) => node switch
        {
            _ when IsNull(node) => null,
            YamlScalarNode scalar => scalar.Value,
            _ => throw Error(node, $"{key}: value has the wrong type: expected a string"),
        };

        public List<string>? Strings(YamlNode node, string key) => node switch
        {
            _ when IsNull(node) => null,
            YamlSequenceNode list => list.Children.Select(item => String(item, key) ?? "").ToList(),
            _ => throw Error(node, $"{key}: value has the wrong type: expected a list of strings"),
        };

        /// <summary>The booleans Go's yaml.v2 (the exporter toolkit's reader) takes.</summary>
        public bool? Bool(YamlNode node, string key) => String(node, key) switch
        {
            null => null,
            "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "y" or "Y" or "on" or "On" or "ON" => true,
            "false" or "False" or "FALSE" or "no" or "No" or "NO" or "n" or "N" or "off" or "Off" or "OFF" => false,
            var other => throw Error(node, $"{key}: value has the wrong type: expected true or false, not '{other}'"),
        };
    }
}

internal sealed class TlsServerConfig
{
    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public string? Cert { get; set; }

    public string? Key { get; set; }

    public string? ClientAuthType { get; set; }

    public string? ClientCaFile { get; set; }

    public List<string>? ClientAllowedSans { get; set; }

    public string? MinVersion { get; set; }

    public string? MaxVersion { get; set; }

    public List<string>? CipherSuites { get; set; }

    public List<string>? CurvePreferences { get; set; }

    public bool? PreferServerCipherSuites { get; set; }
}
