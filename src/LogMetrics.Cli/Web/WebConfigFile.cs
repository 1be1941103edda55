using YamlDotNet.Serialization;

namespace LogMetrics.Cli.Web;

/// <summary>The Prometheus exporter-toolkit web config file (docs/web-configuration.md), as YAML maps it.</summary>
internal sealed class WebConfigFile
{
    [YamlMember(Alias = "tls_server_config")]
    public TlsServerConfig? TlsServerConfig { get; set; }

    [YamlMember(Alias = "basic_auth_users")]
    public Dictionary<string, string>? BasicAuthUsers { get; set; }

    /// <summary>Accepted so that existing files load; LogMetrics does not act on it.</summary>
    [YamlMember(Alias = "http_server_config")]
    public Dictionary<string, object>? HttpServerConfig { get; set; }

    /// <summary>Accepted so that existing files load; LogMetrics does not act on it.</summary>
    [YamlMember(Alias = "rate_limit")]
    public Dictionary<string, object>? RateLimit { get; set; }
}

internal sealed class TlsServerConfig
{
    [YamlMember(Alias = "cert_file")]
    public string? CertFile { get; set; }

    [YamlMember(Alias = "key_file")]
    public string? KeyFile { get; set; }

    [YamlMember(Alias = "cert")]
    public string? Cert { get; set; }

    [YamlMember(Alias = "key")]
    public string? Key { get; set; }

    [YamlMember(Alias = "client_auth_type")]
    public string? ClientAuthType { get; set; }

    [YamlMember(Alias = "client_ca_file")]
    public string? ClientCaFile { get; set; }

    [YamlMember(Alias = "client_allowed_sans")]
    public List<string>? ClientAllowedSans { get; set; }

    [YamlMember(Alias = "min_version")]
    public string? MinVersion { get; set; }

    [YamlMember(Alias = "max_version")]
    public string? MaxVersion { get; set; }

    [YamlMember(Alias = "cipher_suites")]
    public List<string>? CipherSuites { get; set; }

    [YamlMember(Alias = "curve_preferences")]
    public List<string>? CurvePreferences { get; set; }

    [YamlMember(Alias = "prefer_server_cipher_suites")]
    public bool? PreferServerCipherSuites { get; set; }
}
